import { MIN_SECRET_KEY_BYTES, parseSecretKey } from "@kechuang/db";
import { z } from "zod";

/** The ONE place that reads process.env: everything else receives a validated `ServerConfig`. */
const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["1", "true", "yes"].includes(v)));

/** Requests per minute (sign-in per address and per account, uploads, objections and exports per address). */
export const defaultRateLimits = {
  signInPerAddress: 600,
  signInPerAccount: 10,
  upload: 30,
  objection: 10,
  export: 5,
  publicDownload: 60,
} as const;
export type RateLimits = { [K in keyof typeof defaultRateLimits]: number };
const budget = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

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
  // Throttles, per minute (throttles.ts). One building of users can sit behind one NAT address.
  RATE_SIGN_IN_PER_ADDRESS: budget(defaultRateLimits.signInPerAddress),
  RATE_SIGN_IN_PER_ACCOUNT: budget(defaultRateLimits.signInPerAccount),
  RATE_UPLOAD: budget(defaultRateLimits.upload),
  RATE_OBJECTION: budget(defaultRateLimits.objection),
  RATE_EXPORT: budget(defaultRateLimits.export),
  RATE_PUBLIC_DOWNLOAD: budget(defaultRateLimits.publicDownload),
  // Shared rate-limit counts for several instances; unset: each process counts alone.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]*$/, "must be a redis:// or rediss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_KEY_PREFIX: z.string().min(1).default("kechuang-rate-limit:"),
  // Master key of the audit chain's MAC and of TOTP secrets at rest (never printed back in a problem).
  KECHUANG_SECRET_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      const key = parseSecretKey(v);
      if (!key)
        ctx.addIssue({
          code: "custom",
          message: `must be ${MIN_SECRET_KEY_BYTES} or more bytes, hex or base64 (openssl rand -base64 32)`,
        });
      return key ?? undefined;
    }),
  // Proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated); none by default.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]))),
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
  /** Requests per minute by kind (throttles.ts). */
  rateLimits: RateLimits;
  /** Rate-limit counts shared through Redis (several instances); absent: counted per process. */
  redis?: { url: string; keyPrefix: string };
  /** Proxies whose X-Forwarded-For is honoured (addresses/CIDRs); empty: the socket address is the client. */
  trustedProxies: string[];
  /** Where drizzle migrations live (the bundle ships a copy next to main.js). */
  migrationsFolder?: string;
  /**
   * KECHUANG_SECRET_KEY: required in production. Absent outside production, the key in DATA_DIR/secret.key
   * is used, made on first start (secret-key.ts `resolveSecretKey`).
   */
  secretKey?: Buffer;
}

export type EnvResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/** Production is NODE_ENV=production or KECHUANG_PRODUCTION, whichever says so: no embedded database, no demo. */
function productionProblems(databaseUrl: string | undefined, demo: boolean, secretKey?: Buffer): string[] {
  const problems: string[] = [];
  if (!secretKey)
    problems.push(
      "Production is set but KECHUANG_SECRET_KEY is not: the audit chain's MAC key and the key of TOTP " +
        "secrets at rest come from it, and must live outside the database (openssl rand -base64 32).",
    );
  if (!databaseUrl)
    problems.push(
      "Production (NODE_ENV=production or KECHUANG_PRODUCTION) is set but DATABASE_URL is not: the embedded " +
        "PGlite database does not fsync and allows one process only; production needs PostgreSQL.",
    );
  if (demo)
    problems.push(
      "DEMO is set in production (NODE_ENV=production or KECHUANG_PRODUCTION): demo data brings accounts, " +
        "administrators included, whose generated passwords nobody changes. Unset DEMO, or run the demo " +
        "without production.",
    );
  return problems;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EnvResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production" || e.KECHUANG_PRODUCTION;
  // Demo data is on by default for local runs; production (either variable) refuses it outright.
  const demo = e.DEMO === undefined || e.DEMO === "" ? !production : ["1", "true"].includes(e.DEMO);
  const refused = production ? productionProblems(e.DATABASE_URL, demo, e.KECHUANG_SECRET_KEY) : [];
  if (refused.length > 0) return { ok: false, problems: refused };
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
      rateLimits: {
        signInPerAddress: e.RATE_SIGN_IN_PER_ADDRESS,
        signInPerAccount: e.RATE_SIGN_IN_PER_ACCOUNT,
        upload: e.RATE_UPLOAD,
        objection: e.RATE_OBJECTION,
        export: e.RATE_EXPORT,
        publicDownload: e.RATE_PUBLIC_DOWNLOAD,
      },
      redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
      trustedProxies: e.TRUSTED_PROXIES,
      ...(e.KECHUANG_SECRET_KEY ? { secretKey: e.KECHUANG_SECRET_KEY } : {}),
    },
  };
}
