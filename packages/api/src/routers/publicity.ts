import { appendAudit, schema } from "@kechuang/db";
import {
  fileObjectionInputSchema,
  isPublicityOpen,
  openPublicityInputSchema,
  resolveObjectionInputSchema,
  uuidSchema,
} from "@kechuang/domain";
import { and, asc, count, eq, gte } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { publicProcedure, roleProcedure, router } from "../trpc";
import { idempotent } from "../workflow/idempotency";
import { workflowMessages } from "../workflow/messages";
import { chinaToday, loadScoped } from "../workflow/records";
import { runTransition } from "../workflow/transition";

/** Objections per source address per hour: stored rows are the counter, so it holds across instances. */
export const OBJECTIONS_PER_IP_PER_HOUR = 5;

export const publicityRouter = router({
  /** "open-publicity" with its notice: the one way into the publicity stage. */
  open: roleProcedure("authority")
    .input(openPublicityInputSchema)
    .mutation(async ({ ctx, input }) =>
      runTransition(
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
            await tx.insert(schema.publicityNotices).values({
              applicationId: app.id,
              policyId: app.policyId,
              title: input.title,
              body: input.body,
              opensOn: input.opensOn,
              closesOn: input.closesOn,
              publishedAt: ctx.now(),
            });
          },
        },
      ),
    ),

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

  /** Anyone may object while the window is open, with a contact; rate limited per address. */
  object: publicProcedure.input(fileObjectionInputSchema).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const now = ctx.now();
    const [notice] = await db
      .select()
      .from(schema.publicityNotices)
      .where(eq(schema.publicityNotices.id, input.noticeId));
    if (!notice) throw appError("NOT_FOUND", workflowMessages.noticeNotFound);
    if (notice.status !== "open" || !isPublicityOpen(notice, chinaToday(now))) {
      throw appError("PRECONDITION_FAILED", workflowMessages.noticeClosed);
    }
    const [recent] = await db
      .select({ n: count() })
      .from(schema.objections)
      .where(
        and(
          eq(schema.objections.sourceIp, ctx.ip ?? "unknown"),
          gte(schema.objections.submittedAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    if ((recent?.n ?? 0) >= OBJECTIONS_PER_IP_PER_HOUR) {
      throw appError("TOO_MANY_REQUESTS", workflowMessages.objectionRateLimited);
    }
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schema.objections)
        .values({ ...input, sourceIp: ctx.ip ?? "unknown", submittedAt: now })
        .returning({ id: schema.objections.id });
      const authorities = await tx
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(and(eq(schema.users.role, "authority"), eq(schema.users.disabled, false)));
      if (authorities.length > 0) {
        await tx.insert(schema.notifications).values(
          authorities.map((u) => ({
            userId: u.id,
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
        .select({ objection: schema.objections, notice: schema.publicityNotices })
        .from(schema.objections)
        .innerJoin(schema.publicityNotices, eq(schema.publicityNotices.id, schema.objections.noticeId))
        .where(eq(schema.objections.id, input.objectionId));
      if (!found) throw appError("NOT_FOUND", workflowMessages.objectionNotFound);
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
