import { type Database, recordAudit } from "@kechuang/db";
import type { Actor, Role, SessionUser } from "@kechuang/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { type ActiveSession, validateSessionToken } from "./auth/session";
import { appError, LocalizedCause, messages } from "./errors";
import { permissions } from "./permissions";
import { auditRefusal, outOfScopeTarget } from "./refusal-audit";

/** What the transport (fastify, or a test) provides; the API never touches HTTP objects itself. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface CreateContextOptions {
  database: Database;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The session cookie's value, if any. */
  sessionToken: string | null;
  cookies: SessionCookieJar;
  now?: () => Date;
}

export interface Context {
  database: Database;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  cookies: SessionCookieJar;
  /** The raw cookie value; resolved into `session` by the first middleware. */
  sessionToken: string | null;
  session: ActiveSession | null;
  user: SessionUser | null;
  now: () => Date;
}

/**
 * Cheap and infallible on purpose: the session is looked up in the first middleware, so a database
 * failure there is reported with the request's correlation id like any other error.
 */
export function createContext(options: CreateContextOptions): Context {
  return {
    database: options.database,
    requestId: options.requestId,
    ip: options.ip,
    userAgent: options.userAgent,
    cookies: options.cookies,
    sessionToken: options.sessionToken,
    session: null,
    user: null,
    now: options.now ?? (() => new Date()),
  };
}

export const actorOf = (ctx: Pick<Context, "user">): Actor => ctx.user?.role ?? "anonymous";

/** Issues of a failed input parse (zod's ZodError or tRPC's Standard Schema error), else null. */
function inputIssues(cause: unknown): unknown[] | null {
  if (cause instanceof Error && (cause.name === "ZodError" || cause.name === "StandardSchemaV1Error")) {
    const issues = (cause as { issues?: unknown }).issues;
    return Array.isArray(issues) ? issues : null;
  }
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Never ship stack traces, even in development: they leak paths and SQL.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const requestId = ctx?.requestId ?? null;
    const issues = error.code === "BAD_REQUEST" ? inputIssues(error.cause) : null;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const text = messages.internal(requestId ?? "-");
      return {
        message: text.zh,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          localizedMessage: text,
          zodIssues: null,
          needsTotp: false,
        },
      };
    }
    const localized = error.cause instanceof LocalizedCause ? error.cause : null;
    // A body the transport could not decode (bad JSON, not a superjson envelope) is malformed input too; its
    // library message ("Cannot destructure property …") is internal detail and is not passed on.
    const undecodable =
      !localized && !issues && (error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR");
    const text = localized?.text ?? (issues || undecodable ? messages.invalidInput : null);
    if (undecodable) {
      return {
        message: messages.invalidInput.zh,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          localizedMessage: messages.invalidInput,
          zodIssues: [
            { code: "invalid_envelope", path: [], message: "The request body could not be decoded" },
          ],
          needsTotp: false,
        },
      };
    }
    return {
      message: text?.zh ?? shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId,
        localizedMessage: text,
        zodIssues: issues,
        needsTotp: localized?.extra.needsTotp ?? false,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const whilePasswordChangePending = new Set(["auth.me", "auth.signOut", "account.changePassword"]);

/**
 * Deny by default: every call is checked against the permission matrix (data, permissions.ts) by its
 * path. A procedure with no row is refused for everyone. Refusals are audited.
 */
const enforcePermissions = t.middleware(async ({ ctx, path, type, next }) => {
  const allowed: readonly Actor[] | undefined = permissions[path as keyof typeof permissions];
  const actor = actorOf(ctx);
  // An initial password someone else generated opens nothing but its own replacement (and public pages).
  const passwordChangePending =
    ctx.user?.mustChangePassword === true &&
    !allowed?.includes("anonymous") &&
    !whilePasswordChangePending.has(path);
  const reason = !allowed
    ? "no-permission-row"
    : !allowed.includes(actor)
      ? "role"
      : passwordChangePending
        ? "password-change-required"
        : null;
  if (reason) {
    await recordAudit(ctx.database.db, {
      actorId: ctx.user?.id ?? null,
      actorRole: actor,
      action: `call:${path}`,
      objectType: "procedure",
      objectId: path,
      result: "denied",
      sourceIp: ctx.ip,
      detail: { type, requestId: ctx.requestId, reason },
    });
    if (actor === "anonymous") throw appError("UNAUTHORIZED", messages.signInRequired);
    throw appError("FORBIDDEN", passwordChangePending ? messages.passwordChangeRequired : messages.forbidden);
  }
  return next();
});

const resolveSession = t.middleware(async ({ ctx, next }) => {
  if (!ctx.sessionToken) return next();
  const session = await validateSessionToken(ctx.database, ctx.sessionToken, ctx.now());
  if (!session) ctx.cookies.clear();
  return next({ ctx: { ...ctx, session, user: session?.user ?? null } });
});

/**
 * A record outside the caller's scope is answered 404 like a missing one (loadScoped marks it); the refusal
 * is audited here, after the procedure's transaction has rolled back, throttled per address (F12).
 */
const auditScopeRefusals = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  const target = result.ok ? undefined : outOfScopeTarget(result.error);
  if (target)
    await auditRefusal(ctx.database, "out-of-scope", {
      actorId: ctx.user?.id ?? null,
      actorRole: actorOf(ctx),
      action: `call:${path}`,
      ...target,
      sourceIp: ctx.ip,
      detail: { type, requestId: ctx.requestId },
    });
  return result;
});

const baseProcedure = t.procedure.use(resolveSession).use(enforcePermissions).use(auditScopeRefusals);

export const publicProcedure = baseProcedure;

/** A signed-in user of any role; narrows `ctx.user` to non-null. */
export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw appError("UNAUTHORIZED", messages.signInRequired);
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

/** Defense in depth on top of the matrix: the handler itself states which roles it serves. */
export const roleProcedure = (...roles: readonly Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw appError("FORBIDDEN", messages.forbidden);
    return next();
  });

export { TRPCError };
