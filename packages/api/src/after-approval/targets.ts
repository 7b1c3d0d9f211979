import { appendAudit, type Executor, schema } from "@kechuang/db";
import {
  type LocalizedText,
  type PlatformTargets,
  type PolicyModule,
  type RecognitionTier,
  type SessionUser,
  targetsReport,
} from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { and, asc, eq, isNull } from "drizzle-orm";
import { appError } from "../errors";
import { idempotent } from "../workflow/idempotency";
import { chinaToday, policyIdsDecidedBy } from "../workflow/records";
import type { AuthedContext } from "./evaluations";
import { recordPlatformEvent } from "./events";
import { loadPlatformScoped, platformModule, platformsInScope } from "./scope";

/**
 * Anshun's platform targets and joint meeting (issue 11, as-plat.targets / as-plat.joint-meeting): the city
 * authority records the recognitions its platforms receive; the report (domain targetsReport, pure) counts
 * them against the module's 附件 table for everyone. The joint meeting's seats are the module's; the people
 * in them are records with dates, so a seat's history reads from its closed rows.
 */

export const targetsMessages = {
  noTargets: (policyId: string): LocalizedText => ({
    zh: `政策 ${policyId} 未设平台建设目标`,
    en: `Policy ${policyId} sets no platform targets`,
  }),
  noJointMeeting: (policyId: string): LocalizedText => ({
    zh: `政策 ${policyId} 未设联席会议`,
    en: `Policy ${policyId} has no joint meeting`,
  }),
  unknownType: (typeId: string, known: readonly string[]): LocalizedText => ({
    zh: `未知的平台类型“${typeId}”；可选类型：${known.join("、")}（附件）`,
    en: `Unknown platform type "${typeId}"; the types are: ${known.join(", ")} (附件)`,
  }),
  futureDate: {
    zh: "日期不能晚于今天",
    en: "The date cannot be later than today",
  },
  revoked: {
    zh: "该平台已撤销，不能再登记认定",
    en: "The platform is revoked: no recognition can be recorded for it",
  },
  unknownSeat: (seatId: string): LocalizedText => ({
    zh: `联席会议没有席位“${seatId}”`,
    en: `The joint meeting has no seat "${seatId}"`,
  }),
  sinceNotAfterCurrent: (since: string): LocalizedText => ({
    zh: `新成员的任职日期须晚于现任成员的任职日期（${since}）`,
    en: `The new member's start must be after the current member's (${since})`,
  }),
};
const m = targetsMessages;

type WithTargets = PolicyModule & { targets: PlatformTargets };

/** The module of a policy with targets; a policy without any is answered like an unknown one. */
function moduleWithTargets(policyId: string): WithTargets {
  const module = registry.get(policyId);
  if (!module?.targets) throw appError("NOT_FOUND", m.noTargets(policyId));
  return module as WithTargets;
}

function jointMeetingOf(policyId: string) {
  const module = registry.get(policyId);
  if (!module?.jointMeeting) throw appError("NOT_FOUND", m.noJointMeeting(policyId));
  return { module, meeting: module.jointMeeting };
}

/** The joint meeting as its own jurisdiction's authority sees it; any other caller gets the unknown's 404. */
function jointMeetingForAuthority(user: SessionUser, policyId: string) {
  if (!policyIdsDecidedBy(user).includes(policyId)) throw appError("NOT_FOUND", m.noJointMeeting(policyId));
  return jointMeetingOf(policyId);
}

export const policiesWithTargets = () =>
  registry
    .list()
    .filter((p) => registry.get(p.id)?.targets)
    .map((p) => ({ policyId: p.id, jurisdiction: p.jurisdiction, title: p.title }));

/** Target against actual per type and year: the recognitions of the policy's platforms, counted by the domain. */
export async function targetsReportOf(db: Executor, policyId: string, today: string) {
  const module = moduleWithTargets(policyId);
  const p = schema.platforms;
  const r = schema.platformRecognitions;
  const rows = await db
    .select({
      platformId: r.platformId,
      typeId: r.typeId,
      tier: r.tier,
      recognizedOn: r.recognizedOn,
      platformRevokedOn: p.revokedOn,
    })
    .from(r)
    .innerJoin(p, eq(p.id, r.platformId))
    .where(eq(p.policyId, policyId));
  return targetsReport(policyId, module.targets, rows, today);
}

/** The policy's platforms in the caller's scope, for the recognition form. */
export async function targetPlatforms(db: Executor, user: SessionUser, policyId: string) {
  moduleWithTargets(policyId);
  const p = schema.platforms;
  return db
    .select({ id: p.id, name: p.name, status: p.status, approvedOn: p.approvedOn })
    .from(p)
    .where(and(eq(p.policyId, policyId), platformsInScope(user)))
    .orderBy(asc(p.name));
}

/** One platform's recognitions (scoped: its organization, recommender and authority). */
export async function platformRecognitions(db: Executor, user: SessionUser, platformId: string) {
  const platform = await loadPlatformScoped(db, user, platformId);
  const types = platformModule(platform).targets?.types ?? [];
  const r = schema.platformRecognitions;
  const rows = await db
    .select({
      id: r.id,
      typeId: r.typeId,
      tier: r.tier,
      recognizedOn: r.recognizedOn,
      documentNumber: r.documentNumber,
    })
    .from(r)
    .where(eq(r.platformId, platform.id))
    .orderBy(asc(r.recognizedOn));
  return rows.map((row) => ({ ...row, typeName: types.find((t) => t.id === row.typeId)?.name ?? null }));
}

export async function recordRecognition(
  ctx: AuthedContext,
  input: {
    platformId: string;
    typeId: string;
    tier: RecognitionTier;
    recognizedOn: string;
    documentNumber?: string;
    idempotencyKey?: string;
  },
) {
  const now = ctx.now();
  const claim = { userId: ctx.user.id, scope: "targets.recordRecognition", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const platform = await loadPlatformScoped(tx, ctx.user, input.platformId, { forUpdate: true });
      const { targets } = moduleWithTargets(platform.policyId);
      const known = targets.types.map((t) => t.id);
      if (!known.includes(input.typeId)) throw appError("BAD_REQUEST", m.unknownType(input.typeId, known));
      if (input.recognizedOn > chinaToday(now)) throw appError("BAD_REQUEST", m.futureDate);
      if (platform.status === "delisted") throw appError("CONFLICT", m.revoked);
      const [row] = await tx
        .insert(schema.platformRecognitions)
        .values({
          platformId: platform.id,
          typeId: input.typeId,
          tier: input.tier,
          recognizedOn: input.recognizedOn,
          documentNumber: input.documentNumber ?? null,
          recordedBy: ctx.user.id,
        })
        .returning({ id: schema.platformRecognitions.id });
      await recordPlatformEvent(tx, {
        platformId: platform.id,
        kind: "recognized",
        occurredOn: input.recognizedOn,
        detail: { typeId: input.typeId, tier: input.tier },
        ruleId: targets.ruleId,
      });
      await appendAudit(
        tx,
        {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          sourceIp: ctx.ip,
          action: "recognition.record",
          objectType: "platform",
          objectId: platform.id,
          result: "ok",
          ruleId: targets.ruleId,
          detail: {
            recognitionId: row!.id,
            typeId: input.typeId,
            tier: input.tier,
            recognizedOn: input.recognizedOn,
            documentNumber: input.documentNumber ?? null,
          },
        },
        now,
      );
      return { recognitionId: row!.id, platformId: platform.id };
    }),
  );
}

const jm = schema.governanceMemberships;
const jointMeetingRows = (jurisdiction: string) =>
  and(eq(jm.body, "joint-meeting"), isNull(jm.platformId), eq(jm.jurisdiction, jurisdiction));

/** The joint meeting with each seat's current member: public officials' names and departments only. */
export async function jointMeeting(db: Executor, policyId: string, today: string) {
  const { module, meeting } = jointMeetingOf(policyId);
  const rows = await db
    .select({ seatId: jm.seatId, name: jm.name, department: jm.department, since: jm.since, until: jm.until })
    .from(jm)
    .where(jointMeetingRows(module.jurisdiction.code))
    .orderBy(asc(jm.since));
  const current = (seatId: string) =>
    rows.findLast((r) => r.seatId === seatId && r.since <= today && (r.until === null || r.until > today));
  return {
    policyId,
    ruleId: meeting.ruleId,
    name: meeting.name,
    duties: meeting.duties,
    seats: meeting.seats.map((seat) => {
      const person = current(seat.id);
      return {
        ...seat,
        member: person ? { name: person.name, department: person.department, since: person.since } : null,
      };
    }),
  };
}

/** Every member each seat has had, for the city's authority. */
export async function jointMeetingHistory(ctx: AuthedContext, policyId: string) {
  const { module } = jointMeetingForAuthority(ctx.user, policyId);
  return ctx.database.db
    .select({
      id: jm.id,
      seatId: jm.seatId,
      position: jm.position,
      name: jm.name,
      department: jm.department,
      since: jm.since,
      until: jm.until,
    })
    .from(jm)
    .where(jointMeetingRows(module.jurisdiction.code))
    .orderBy(asc(jm.seatId), asc(jm.since));
}

/** A seat's new member: the current one's term ends the day the new one's begins. */
export async function setJointMeetingMember(
  ctx: AuthedContext,
  input: {
    policyId: string;
    seatId: string;
    name: string;
    department: string;
    since: string;
    idempotencyKey?: string;
  },
) {
  const now = ctx.now();
  const { module, meeting } = jointMeetingForAuthority(ctx.user, input.policyId);
  const seat = meeting.seats.find((s) => s.id === input.seatId);
  if (!seat) throw appError("BAD_REQUEST", m.unknownSeat(input.seatId));
  if (input.since > chinaToday(now)) throw appError("BAD_REQUEST", m.futureDate);
  const jurisdiction = module.jurisdiction.code;
  const claim = { userId: ctx.user.id, scope: "targets.setJointMeetingMember", key: input.idempotencyKey };
  return ctx.database.db.transaction((tx) =>
    idempotent(tx, claim, async () => {
      const open = await tx
        .select({ id: jm.id, since: jm.since, name: jm.name })
        .from(jm)
        .where(and(jointMeetingRows(jurisdiction), eq(jm.seatId, seat.id), isNull(jm.until)))
        .for("update");
      for (const row of open)
        if (row.since >= input.since) throw appError("BAD_REQUEST", m.sinceNotAfterCurrent(row.since));
      for (const row of open) await tx.update(jm).set({ until: input.since }).where(eq(jm.id, row.id));
      const [row] = await tx
        .insert(jm)
        .values({
          jurisdiction,
          body: "joint-meeting",
          position: seat.position,
          seatId: seat.id,
          name: input.name,
          department: input.department,
          since: input.since,
        })
        .returning({ id: jm.id });
      await appendAudit(
        tx,
        {
          actorId: ctx.user.id,
          actorRole: ctx.user.role,
          sourceIp: ctx.ip,
          action: "joint-meeting.set-member",
          objectType: "joint-meeting",
          objectId: jurisdiction,
          result: "ok",
          ruleId: meeting.ruleId,
          detail: {
            membershipId: row!.id,
            seatId: seat.id,
            name: input.name,
            department: input.department,
            since: input.since,
            closed: open.map((o) => ({ id: o.id, name: o.name })),
          },
        },
        now,
      );
      return { membershipId: row!.id, seatId: seat.id };
    }),
  );
}
