import { z } from "zod";

/** The ONE place that reads process.env: everything else receives a validated `ServerConfig`. */
const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["1", "true", "yes"].includes(v)));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Any value is accepted (tools set "test", "staging" ...); only "production" changes behaviour.
  NODE_ENV: z.string().default("development"),
  DEMO: z.enum(["1", "0", "true", "false", ""]).optional(),
  COOKIE_SECURE: flag(true),
  PUBLIC_ORIGIN: z.string().url().optional(),
  KECHUANG_PRODUCTION: flag(false),
  PORTAL_PUBLIC_MANIFEST: z.string().min(1).optional(),
  PORTAL_APPLICANT_MANIFEST: z.string().min(1).optional(),
  PORTAL_REVIEWER_MANIFEST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // smtp://user:pass@host:587 or smtps://…; unset or empty means notifications stay in the app.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("科创 Kechuang <no-reply@kechuang.invalid>"),
  EMAIL_POLL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(10_000),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  /** Load demo organizations and accounts into an empty database. */
  demo: boolean;
  cookieSecure: boolean;
  /** When set, state-changing requests must come from exactly this origin. */
  publicOrigin: string | undefined;
  portalManifests: { public: string; applicant: string; reviewer: string };
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** Email copies of notifications (apps/server/src/email-outbox.ts); absent: in-app only. */
  smtp?: { url: string; from: string; pollMs: number };
  /** Where drizzle migrations live (the bundle ships a copy next to main.js). */
  migrationsFolder?: string;
}

export type EnvResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EnvResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production" || e.KECHUANG_PRODUCTION;
  // Demo data is on by default for local runs and never on in production (NODE_ENV=production or
  // KECHUANG_PRODUCTION) unless asked explicitly.
  const demo = e.DEMO === undefined || e.DEMO === "" ? !production : ["1", "true"].includes(e.DEMO);
  if (e.KECHUANG_PRODUCTION && !e.DATABASE_URL) {
    return {
      ok: false,
      problems: [
        "KECHUANG_PRODUCTION is set but DATABASE_URL is not: the embedded PGlite database does not fsync " +
          "and allows one process only; production needs PostgreSQL.",
      ],
    };
  }
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: e.DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      production,
      demo,
      cookieSecure: e.COOKIE_SECURE,
      publicOrigin: e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : undefined,
      portalManifests: {
        public: e.PORTAL_PUBLIC_MANIFEST ?? "/portals/public/mf-manifest.json",
        applicant: e.PORTAL_APPLICANT_MANIFEST ?? "/portals/applicant/mf-manifest.json",
        reviewer: e.PORTAL_REVIEWER_MANIFEST ?? "/portals/reviewer/mf-manifest.json",
      },
      logLevel: e.LOG_LEVEL,
      smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM, pollMs: e.EMAIL_POLL_MS } : undefined,
    },
  };
}
