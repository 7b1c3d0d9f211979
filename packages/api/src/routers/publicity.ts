import { appendAudit, recordAudit, schema } from "@kechuang/db";
import {
  defaultPublicityWindow,
  fileObjectionInputSchema,
  HolidayCalendarGap,
  isPublicityOpen,
  type LocalizedText,
  openPublicityInputSchema,
  type PolicyModule,
  PUBLICITY_RULE_ID,
  publicityMinimumWorkingDays,
  publicityWindowProblem,
  resolveObjectionInputSchema,
  uuidSchema,
} from "@kechuang/domain";
import { and, asc, count, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { publicProcedure, roleProcedure, router } from "../trpc";
import { idempotent } from "../workflow/idempotency";
import { workflowMessages } from "../workflow/messages";
import { usersToNotify } from "../workflow/notify";
import { chinaToday, isInScope, loadScoped, moduleOf } from "../workflow/records";
import { runTransition } from "../workflow/transition";

/** Objections per source address per hour: stored rows are the counter, so it holds across instances. */
export const OBJECTIONS_PER_IP_PER_HOUR = 5;
/**
 * First key of the transaction-level advisory lock that makes one address's count-then-insert atomic (the
 * second key is the address's hash): concurrent objections from one address queue, other addresses do not.
 */
const OBJECTION_LOCK = 0x6f626a; // "obj"

/** "common.publicity, hn-tic-2020 五(三)": the rule and the module's clause a window refusal applies. */
function publicityClause(module: PolicyModule): string {
  const rule = module.rules.find((r) => r.id === PUBLICITY_RULE_ID);
  return rule ? `${PUBLICITY_RULE_ID}, ${rule.citation.source} ${rule.citation.clause}` : PUBLICITY_RULE_ID;
}

export const listPastNoticesInputSchema = z
  .object({
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(50).default(10),
  })
  // Unknown keys are a caller's mistake worth naming, not something to ignore.
  .strict()
  .default({ page: 1, pageSize: 10 });

/** What came of a notice: decided either way, withdrawn, or still before the authority (objection upheld …). */
export type NoticeOutcome = "approved" | "rejected" | "withdrawn" | "pending";

function noticeOutcome(stage: string): NoticeOutcome {
  return stage === "approved" || stage === "rejected" || stage === "withdrawn" ? stage : "pending";
}

/** Thrown inside publicity.open's transaction (rolling it back); audited and answered outside it. */
class WindowRefused extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

export const publicityRouter = router({
  /** "open-publicity" with its notice: the one way into the publicity stage. */
  open: roleProcedure("authority")
    .input(openPublicityInputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      try {
        return await runTransition(
          ctx,
          {
            applicationId: input.applicationId,
            action: "open-publicity",
            expectedVersion: input.expectedVersion,
            idempotencyKey: input.idempotencyKey,
          },
          {
            viaOwnProcedure: true,
            idempotencyScope: "publicity.open",
            effect: async (tx, app) => {
              // Checked once scope and stage are known: the minimum is the application's module's.
              const module = moduleOf(app.policyId);
              const problem = publicityWindowProblem(
                input,
                chinaToday(now),
                publicityMinimumWorkingDays(module.settings),
                publicityClause(module),
              );
              if (problem) throw new WindowRefused(problem);
              await tx.insert(schema.publicityNotices).values({
                applicationId: app.id,
                policyId: app.policyId,
                title: input.title,
                body: input.body,
                opensOn: input.opensOn,
                closesOn: input.closesOn,
                publishedAt: now,
              });
            },
          },
        );
      } catch (error) {
        if (!(error instanceof WindowRefused)) throw error;
        await recordAudit(ctx.database.db, {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          action: "application.open-publicity",
          objectType: "application",
          objectId: input.applicationId,
          result: "denied",
          sourceIp: ctx.ip,
          ruleId: PUBLICITY_RULE_ID,
          detail: { opensOn: input.opensOn, closesOn: input.closesOn, reason: error.text.en },
        });
        throw appError("BAD_REQUEST", error.text);
      }
    }),

  /**
   * The notice form's defaults for one application: its module's minimum and the shortest valid window
   * published today (China time, on the server's clock). `closesOn` is null past the holiday calendar.
   */
  window: roleProcedure("authority")
    .input(z.object({ applicationId: uuidSchema }))
    .query(async ({ ctx, input }) => {
      const app = await loadScoped(ctx.database.db, ctx.user, input.applicationId);
      const module = moduleOf(app.policyId);
      const minimumWorkingDays = publicityMinimumWorkingDays(module.settings);
      const today = chinaToday(ctx.now());
      let closesOn: string | null;
      try {
        closesOn = defaultPublicityWindow(today, minimumWorkingDays).closesOn;
      } catch (error) {
        if (!(error instanceof HolidayCalendarGap)) throw error;
        closesOn = null;
      }
      return { today, opensOn: today, closesOn, minimumWorkingDays, clause: publicityClause(module) };
    }),

  /** The public portal's list of notices whose objection window has not closed. */
  listOpen: publicProcedure.query(async ({ ctx }) => {
    const { publicityNotices: n, applications: a, organizations: o } = schema;
    const today = chinaToday(ctx.now());
    return ctx.database.db
      .select({
        noticeId: n.id,
        policyId: n.policyId,
        title: n.title,
        body: n.body,
        opensOn: n.opensOn,
        closesOn: n.closesOn,
        applicationTitle: a.title,
        leadUnitName: o.name,
      })
      .from(n)
      .innerJoin(a, eq(a.id, n.applicationId))
      .innerJoin(o, eq(o.id, a.organizationId))
      .where(and(eq(n.status, "open"), gte(n.closesOn, today)))
      .orderBy(asc(n.closesOn));
  }),

  /**
   * Notices whose window has closed, newest closing first, a page at a time, each with what came of it: the
   * decision (with the platform when approved) and how many objections were filed and resolved — counts
   * only, never who objected or how to reach them.
   */
  listPast: publicProcedure.input(listPastNoticesInputSchema).query(async ({ ctx, input }) => {
    const { publicityNotices: n, applications: a, organizations: o, platforms: p, objections: ob } = schema;
    const today = chinaToday(ctx.now());
    const past = or(eq(n.status, "ended"), lt(n.closesOn, today));
    const [total] = await ctx.database.db.select({ n: count() }).from(n).where(past);
    const rows = await ctx.database.db
      .select({
        noticeId: n.id,
        policyId: n.policyId,
        title: n.title,
        opensOn: n.opensOn,
        closesOn: n.closesOn,
        applicationTitle: a.title,
        leadUnitName: o.name,
        stage: a.stage,
        platformId: p.id,
        objectionsReceived: sql<number>`(select count(*) from ${ob} where ${ob.noticeId} = ${n.id})::int`,
        objectionsResolved: sql<number>`(select count(*) from ${ob} where ${ob.noticeId} = ${n.id} and ${ob.status} <> 'open')::int`,
      })
      .from(n)
      .innerJoin(a, eq(a.id, n.applicationId))
      .innerJoin(o, eq(o.id, a.organizationId))
      .leftJoin(p, eq(p.applicationId, a.id))
      .where(past)
      .orderBy(desc(n.closesOn), desc(n.publishedAt), asc(n.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    return {
      items: rows.map(({ stage, platformId, objectionsReceived, objectionsResolved, ...notice }) => ({
        ...notice,
        outcome: noticeOutcome(stage),
        // Linked only once approved: a platform row is the register entry the page shows.
        platformId: stage === "approved" ? platformId : null,
        objections: { received: Number(objectionsReceived), resolved: Number(objectionsResolved) },
      })),
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
    };
  }),

  /** Anyone may object while the window is open, with a contact; rate limited per address. */
  object: publicProcedure.input(fileObjectionInputSchema).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const now = ctx.now();
    const sourceIp = ctx.ip ?? "unknown";
    const [notice] = await db
      .select()
      .from(schema.publicityNotices)
      .where(eq(schema.publicityNotices.id, input.noticeId));
    if (!notice) throw appError("NOT_FOUND", workflowMessages.noticeNotFound);
    if (notice.status !== "open" || !isPublicityOpen(notice, chinaToday(now))) {
      throw appError("PRECONDITION_FAILED", workflowMessages.noticeClosed);
    }
    return db.transaction(async (tx) => {
      // Count and insert under one lock per address, held to commit: a burst cannot all pass the count.
      await tx.execute(sql`select pg_advisory_xact_lock(${OBJECTION_LOCK}, hashtext(${sourceIp}))`);
      const [recent] = await tx
        .select({ n: count() })
        .from(schema.objections)
        .where(
          and(
            eq(schema.objections.sourceIp, sourceIp),
            gte(schema.objections.submittedAt, new Date(now.getTime() - 3_600_000)),
          ),
        );
      if ((recent?.n ?? 0) >= OBJECTIONS_PER_IP_PER_HOUR) {
        throw appError("TOO_MANY_REQUESTS", workflowMessages.objectionRateLimited);
      }
      const [row] = await tx
        .insert(schema.objections)
        .values({ ...input, sourceIp, submittedAt: now })
        .returning({ id: schema.objections.id });
      const [app] = await tx
        .select()
        .from(schema.applications)
        .where(eq(schema.applications.id, notice.applicationId));
      // Only the authority of the application's own jurisdiction hears of it, as for every stage change.
      const authorities = await usersToNotify(tx, app!, "authority");
      if (authorities.length > 0) {
        await tx.insert(schema.notifications).values(
          authorities.map((userId) => ({
            userId,
            applicationId: notice.applicationId,
            kind: "objection-filed",
            stage: "publicity",
            createdAt: now,
          })),
        );
      }
      await appendAudit(
        tx,
        {
          actorId: ctx.user?.id ?? null,
          actorRole: ctx.user?.role ?? "anonymous",
          action: "publicity.object",
          objectType: "application",
          objectId: notice.applicationId,
          result: "ok",
          sourceIp: ctx.ip,
          detail: { noticeId: notice.id, objectionId: row!.id },
        },
        now,
      );
      return { objectionId: row!.id };
    });
  }),

  /** The authority's view of objections to one application, with the objectors' contacts. */
  objections: roleProcedure("authority")
    .input(z.object({ applicationId: uuidSchema }))
    .query(async ({ ctx, input }) => {
      const app = await loadScoped(ctx.database.db, ctx.user, input.applicationId);
      const { objections: ob, publicityNotices: n } = schema;
      return ctx.database.db
        .select({
          id: ob.id,
          noticeId: ob.noticeId,
          objectorName: ob.objectorName,
          objectorContact: ob.objectorContact,
          grounds: ob.grounds,
          status: ob.status,
          reason: ob.reason,
          submittedAt: ob.submittedAt,
          resolvedAt: ob.resolvedAt,
        })
        .from(ob)
        .innerJoin(n, eq(n.id, ob.noticeId))
        .where(eq(n.applicationId, app.id))
        .orderBy(asc(ob.submittedAt));
    }),

  /** Dismiss (with a reason), or uphold: the application goes back by the module's "uphold-objection". */
  resolveObjection: roleProcedure("authority")
    .input(resolveObjectionInputSchema)
    .mutation(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const now = ctx.now();
      const [found] = await db
        .select({ objection: schema.objections, notice: schema.publicityNotices, app: schema.applications })
        .from(schema.objections)
        .innerJoin(schema.publicityNotices, eq(schema.publicityNotices.id, schema.objections.noticeId))
        .innerJoin(schema.applications, eq(schema.applications.id, schema.publicityNotices.applicationId))
        .where(eq(schema.objections.id, input.objectionId));
      // Scope before either outcome; an objection on a record outside it answers as one that does not exist
      // (the out-of-scope refusal is marked for the tRPC layer's audit).
      if (!found) throw appError("NOT_FOUND", workflowMessages.objectionNotFound);
      if (!(await isInScope(db, ctx.user, found.app))) {
        const refusal = appError("NOT_FOUND", workflowMessages.objectionNotFound);
        throw markOutOfScope(refusal, "application", found.app.id);
      }
      const resolve = async (tx: Parameters<typeof appendAudit>[0]) => {
        const updated = await tx
          .update(schema.objections)
          .set({ status: input.outcome, reason: input.reason, resolvedBy: ctx.user.id, resolvedAt: now })
          .where(and(eq(schema.objections.id, input.objectionId), eq(schema.objections.status, "open")))
          .returning({ id: schema.objections.id });
        if (updated.length === 0) throw appError("CONFLICT", workflowMessages.objectionResolved);
      };
      if (input.outcome === "upheld") {
        const app = await loadScoped(db, ctx.user, found.notice.applicationId);
        const outcome = await runTransition(
          ctx,
          {
            applicationId: app.id,
            action: "uphold-objection",
            expectedVersion: app.version,
            reason: input.reason,
            idempotencyKey: input.idempotencyKey,
          },
          { effect: (tx) => resolve(tx), idempotencyScope: "publicity.resolveObjection.upheld" },
        );
        return { status: "upheld" as const, application: outcome };
      }
      const claim = {
        userId: ctx.user.id,
        scope: "publicity.resolveObjection.dismissed",
        key: input.idempotencyKey,
      };
      return db.transaction((tx) =>
        idempotent(tx, claim, async () => {
          await resolve(tx);
          await appendAudit(
            tx,
            {
              actorId: ctx.user.id,
              actorRole: ctx.user.role,
              action: "publicity.dismiss-objection",
              objectType: "application",
              objectId: found.notice.applicationId,
              result: "ok",
              sourceIp: ctx.ip,
              detail: { objectionId: input.objectionId },
            },
            now,
          );
          return { status: "dismissed" as const, application: null };
        }),
      );
    }),
});
