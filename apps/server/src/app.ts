import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import {
  backfillGovernance,
  backfillPlatformSearch,
  type Database,
  isEmptyDatabase,
  openDatabase,
  seedDemo,
  writeDemoAccounts,
} from "@kechuang/db";
import Fastify, { type FastifyInstance } from "fastify";
import { registerBodyLimits, UPLOAD_BODY_LIMIT } from "./body-limits";
import { type EmailOutbox, startEmailOutbox } from "./email-outbox";
import type { ServerConfig } from "./env";
import { registerFileRoutes } from "./files";
import { startObligationSweep } from "./obligation-sweep";
import { portalsConfig } from "./portals-config";
import { registerRest } from "./rest";
import { resolveSecretKey } from "./secret-key";
import { registerSecurity } from "./security";
import { registerStaticFiles } from "./static-files";
import { registerTrpc } from "./trpc-plugin";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  /** An already open database (tests); otherwise one is opened from the config and closed with the app. */
  database?: Database;
  /** Where the front ends' dist folders live (tests point it at an empty folder). */
  appsDir?: string;
  /** Where the JSON log lines go; standard output unless a test reads them. */
  logStream?: { write(line: string): void };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The database this app serves (tests inspect it). */
    database: Database;
    /** Present when SMTP is configured. */
    emailOutbox: EmailOutbox | undefined;
  }
}

/** Opens the database named by the config, and loads demo data into it if it is empty and demo mode is on. */
export async function openConfiguredDatabase(
  config: ServerConfig,
  log: FastifyInstance["log"],
): Promise<Database> {
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    migrationsFolder: config.migrationsFolder,
    onBackgroundError: (error) => log.error({ err: error }, "database connection error"),
    secretKey: resolveSecretKey(config),
  });
  // Platforms written before migration 0008 get their directory search document once (idempotent).
  const indexed = await backfillPlatformSearch(database.db);
  if (indexed > 0) log.info({ platforms: indexed }, "directory search indexed for earlier platforms");
  // Platforms approved before migration 0009 get their governance records from their facts (idempotent).
  const governed = await backfillGovernance(database.db);
  if (governed > 0) log.info({ platforms: governed }, "governance records written for earlier platforms");
  if (config.demo && (await isEmptyDatabase(database.db))) {
    const accounts = await seedDemo(database.db);
    const path = writeDemoAccounts(config.dataDir, accounts);
    log.warn({ path }, "demo data loaded; generated demo account passwords are in this file (mode 0600)");
  }
  return database;
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization"],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Reuse a caller's correlation id when it looks like one; otherwise mint our own.
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // X-Forwarded-For is believed only from the listed proxies (TRUSTED_PROXIES); otherwise the socket
    // address is the client, for the limiter and the audit log alike.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    // tRPC batches put several procedure names in the path.
    routerOptions: { maxParamLength: 5000 },
    // Attachment uploads only; every other request is held to 1 MiB by registerBodyLimits.
    bodyLimit: UPLOAD_BODY_LIMIT,
  });
  const database = options.database ?? (await openConfiguredDatabase(config, app.log));
  app.decorate("database", database);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // While draining, responses close their connection: a keep-alive socket would hold close() open.
  let draining = false;
  app.addHook("preClose", async () => {
    draining = true;
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (draining) reply.header("connection", "close");
    return payload;
  });
  const emailOutbox = config.smtp
    ? startEmailOutbox({
        database,
        smtp: config.smtp,
        origin: config.publicOrigin ?? `http://localhost:${config.port}`,
        log: app.log,
      })
    : undefined;
  app.decorate("emailOutbox", emailOutbox);
  const obligationSweep = startObligationSweep(database, app.log);
  app.addHook("onClose", async () => {
    // The outbox and the reminder sweep finish their round before the database they use closes.
    await obligationSweep.stop();
    await emailOutbox?.stop();
    await database.close();
  });

  registerBodyLimits(app, config, database);
  await registerSecurity(app, config);
  await app.register(fastifyCookie);

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const [reachable, migrated] = await Promise.all([database.ping(), database.migrationsApplied()]);
    const ready = reachable && migrated;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? "ready" : "not-ready", database: reachable, migrations: migrated });
  });
  app.get("/config/portals.json", async (_request, reply) => {
    reply.header("cache-control", "no-cache");
    return portalsConfig(config);
  });

  await registerTrpc(app, config, database);
  await registerRest(app, { downloadsPerMinute: config.rateLimits.publicDownload });
  await registerFileRoutes(app, config);
  await registerStaticFiles(app, { appsDir: options.appsDir });
  return app;
}

/**
 * SIGTERM: fastify's close() stops accepting connections, answers 503 to requests arriving meanwhile
 * (return503OnClosing), waits for in-flight ones, then runs onClose — which closes the database.
 * Resolves "timeout" if draining takes longer than `timeoutMs`; the caller decides how to exit.
 */
export async function shutdownGracefully(
  app: FastifyInstance,
  timeoutMs = 10_000,
): Promise<"closed" | "timeout"> {
  app.log.info("shutting down: draining in-flight requests");
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const outcome = await Promise.race([app.close().then(() => "closed" as const), timeout]);
  clearTimeout(timer);
  return outcome;
}
