import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { addMonths } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "./auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";
import { type Api, userIdOf } from "./workflow/testing";

/**
 * Evaluations, rectification and delisting (issue 10) on a clock set across years. The clauses:
 * nm-tic.evaluation-timing "一般为认定运行满三年后开展"; nm-tic.evaluation-grades "评价结果分为优秀、良好、合格、
 * 不合格四个档次"; nm-tic.rectification "对于评价结果不合格的给予一年整改期,到期后重新进行评估评价";
 * nm-tic.post-subsidy "对于评价结果为优秀的…给予一定的自治区财政资金后补助支持"; nm-tic.delisting
 * "经审定情况属实的予以摘牌并撤销"; sc-tic.outcomes "根据评估结果决定整改、撤销或后续支持等重大事项";
 * hn-tic.evaluation "委托第三方机构开展中心运行绩效评估".
 */

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const outcome = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as TRPCError,
  );

const nm = registry.get("nm-tic-2020")!;
const scTic = registry.get("sc-tic-2018")!;
const hn = registry.get("hn-tic-2020")!;

describe.each(testDatabases())("evaluations, rectification and delisting on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let ownOrg: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    const [applicant] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "applicant"));
    ownOrg = applicant!.organizationId!;
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  /** `username` on a clock fixed at noon (China) of `day`, with a session made at that instant. */
  async function at(username: string, day: string): Promise<Api> {
    expect(accounts.some((a) => a.username === username)).toBe(true);
    const now = new Date(`${day}T04:00:00Z`);
    const userId = await userIdOf(database, username);
    const meta = { ip: "10.2.0.1", userAgent: "vitest", now };
    const { token } = await database.db.transaction((tx) => createSession(tx, userId, meta));
    return createCaller(
      createContext({
        database,
        requestId: "evaluations-test",
        ip: "10.2.0.1",
        userAgent: "vitest",
        sessionToken: token,
        cookies: { set: () => {}, clear: () => {} },
        now: () => now,
      }),
    );
  }

  /** A platform of the seeded applicant's organization (expert3 works there: a conflict). */
  async function placePlatform(policyId: string, approvedOn: string): Promise<string> {
    const module = registry.get(policyId)!;
    const [row] = await database.db
      .insert(schema.platforms)
      .values({
        policyId,
        kind: module.kinds[0]!,
        name: `测试平台 ${policyId} ${approvedOn} ${Math.random().toString(36).slice(2, 7)}`,
        leadOrgId: ownOrg,
        jurisdiction: module.jurisdiction.code,
        approvedOn,
        fields: [],
      })
      .returning({ id: schema.platforms.id });
    return row!.id;
  }

  const platformRow = async (id: string) =>
    (await database.db.select().from(schema.platforms).where(eq(schema.platforms.id, id)))[0]!;
  const eventsOf = (id: string) =>
    database.db.select().from(schema.platformEvents).where(eq(schema.platformEvents.platformId, id));
  const auditOf = (action: string, objectId: string) =>
    database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.objectId, objectId)));

  async function openOne(api: Api, platformId: string): Promise<string> {
    const { evaluationIds } = await api.evaluations.openRound({
      platformIds: [platformId],
      title: "评估批次",
    });
    return evaluationIds[0]!;
  }

  it("opens no evaluation before the module's earliest date: the day before is refused, the day itself allowed (nm-tic.evaluation-timing)", async () => {
    // Approved 1 December 2023: three full years end on 1 December 2026.
    const platformId = await placePlatform("nm-tic-2020", "2023-12-01");
    const before = await at("authority-nm", "2026-11-30");
    const calendar = await before.evaluations.calendar();
    const entry = calendar.find((c) => c.platformId === platformId)!;
    expect(entry).toMatchObject({
      due: false,
      dueOn: null,
      nextOn: "2026-12-01",
      ruleId: "nm-tic.evaluation-timing",
    });
    const refused = await failure(before.evaluations.openRound({ platformIds: [platformId], title: "早" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("2026-12-01");
    expect(refused.message).toContain("三(六)2");
    expect(
      await database.db
        .select()
        .from(schema.evaluations)
        .where(eq(schema.evaluations.platformId, platformId)),
    ).toEqual([]);

    const onTheDay = await at("authority-nm", "2026-12-01");
    expect((await onTheDay.evaluations.calendar()).find((c) => c.platformId === platformId)).toMatchObject({
      due: true,
      dueOn: "2026-12-01",
    });
    const evaluationId = await openOne(onTheDay, platformId);
    const stored = await onTheDay.evaluations.get({ evaluationId });
    expect(stored).toMatchObject({
      kind: "periodic",
      status: "open",
      periodFrom: "2023-12-01",
      periodTo: "2026-12-01",
    });
    expect(stored.policy.focusAreas.map((f) => f.id)).toEqual(["innovation-capacity", "market-service"]);
    // Already in progress: a second round for it is refused.
    expect(await outcome(onTheDay.evaluations.openRound({ platformIds: [platformId], title: "再" }))).toBe(
      "CONFLICT",
    );
    expect(
      await auditOf(
        "evaluation.open-round",
        (await database.db.select().from(schema.evaluationRounds))[0]!.id,
      ),
    ).toHaveLength(1);
  });

  it("revokes an Inner Mongolia center that fails, rectifies and fails again, with the ground and nm-tic.delisting; nothing is deleted", async () => {
    const platformId = await placePlatform("nm-tic-2020", "2021-03-01");
    const authority = await at("authority-nm", "2024-06-01");
    const evaluationId = await openOne(authority, platformId);

    // Conflict rules as at application time: an expert of the lead organization is refused, and that is audited.
    const expert3 = await userIdOf(database, "expert3");
    const conflict = await failure(authority.evaluations.assignExpert({ evaluationId, expertId: expert3 }));
    expect(conflict.code).toBe("PRECONDITION_FAILED");
    expect(conflict.message).toContain("利益冲突");
    expect((await auditOf("evaluation.assign-expert", evaluationId)).map((a) => a.result)).toEqual([
      "denied",
    ]);
    const candidates = await authority.evaluations.expertCandidates({ evaluationId });
    expect(candidates.find((c) => c.expertId === expert3)!.conflict).not.toBeNull();
    expect(candidates.find((c) => c.name.includes("刘洋"))!.conflict).toBeNull();

    // Grading needs someone who evaluated.
    expect(
      await outcome(
        authority.evaluations.grade({
          evaluationId,
          gradeId: "fail",
          findings: "f",
          conductedOn: "2024-06-01",
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    await authority.evaluations.assignExpert({ evaluationId, expertId: await userIdOf(database, "expert") });

    // Data and material per focus area (三(六)2), only the module's areas.
    await authority.evaluations.saveMaterial({
      evaluationId,
      material: {
        "innovation-capacity": {
          data: [{ indicator: "发明专利", value: 3, unit: "件" }],
          material: "研发投入不足",
        },
      },
    });
    expect(
      await outcome(
        authority.evaluations.saveMaterial({
          evaluationId,
          material: { general: { data: [], material: "x" } },
        }),
      ),
    ).toBe("BAD_REQUEST");

    // The grade must be one of the module's: a Sichuan outcome, none at all, a made-up id are refused.
    for (const gradeId of ["continued-support", null, "FAIL"]) {
      const refused = await failure(
        authority.evaluations.grade({ evaluationId, gradeId, findings: "f", conductedOn: "2024-06-01" }),
      );
      expect(refused.code, String(gradeId)).toBe("BAD_REQUEST");
    }
    // The module fixes the period (one year): the authority cannot set another.
    expect(
      await outcome(
        authority.evaluations.grade({
          evaluationId,
          gradeId: "fail",
          findings: "f",
          conductedOn: "2024-06-01",
          rectificationDueOn: "2024-09-01",
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        authority.evaluations.grade({
          evaluationId,
          gradeId: "fail",
          findings: "f",
          conductedOn: "2024-06-02",
        }),
      ),
    ).toBe("BAD_REQUEST");
    const preview = await authority.evaluations.previewGrade({
      evaluationId,
      gradeId: "fail",
      conductedOn: "2024-06-01",
    });
    expect(preview.rectification).toEqual({
      dueOn: "2025-06-01",
      ruleId: "nm-tic.rectification",
      months: 12,
    });

    const graded = await authority.evaluations.grade({
      evaluationId,
      gradeId: "fail",
      findings: "创新能力指标未达标（不公开）",
      conductedOn: "2024-06-01",
    });
    expect(graded).toMatchObject({
      consequence: "rectification",
      postSubsidy: false,
      proposedGroundId: null,
    });
    expect(await platformRow(platformId)).toMatchObject({ status: "rectifying", revokedOn: null });
    const [rectification] = await database.db
      .select()
      .from(schema.rectifications)
      .where(eq(schema.rectifications.platformId, platformId));
    expect(rectification).toMatchObject({
      startsOn: "2024-06-01",
      dueOn: "2025-06-01",
      status: "open",
      ruleId: "nm-tic.rectification",
    });
    // A graded evaluation cannot be graded again.
    expect(
      await outcome(
        authority.evaluations.grade({
          evaluationId,
          gradeId: "pass",
          findings: "f",
          conductedOn: "2024-06-01",
        }),
      ),
    ).toBe("CONFLICT");

    // The platform's own organization answers; another organization cannot even see it.
    const own = await at("applicant", "2025-03-01");
    const oversight = await own.evaluations.forPlatform({ platformId });
    expect(oversight.rectifications[0]).toMatchObject({ status: "open", dueOn: "2025-06-01" });
    expect(oversight.delistingAction).toBeNull();
    expect(
      await outcome(
        (await at("applicant2", "2025-03-01")).evaluations.respondToRectification({
          rectificationId: rectification!.id,
          response: "他人",
        }),
      ),
    ).toBe("NOT_FOUND");
    await own.evaluations.respondToRectification({
      rectificationId: rectification!.id,
      response: "整改报告：已补足研发投入",
    });
    expect(
      await outcome(
        own.evaluations.respondToRectification({ rectificationId: rectification!.id, response: "再" }),
      ),
    ).toBe("CONFLICT");

    // "到期后重新进行评估评价": the day before the year ends is refused, the day itself allowed.
    const early = await failure(
      (await at("authority-nm", "2025-05-31")).evaluations.openReEvaluation({
        rectificationId: rectification!.id,
      }),
    );
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toContain("2025-06-01");
    // No failed rectification yet: that ground is not established.
    expect(
      await outcome(
        (await at("authority-nm", "2025-05-31")).evaluations.delist({
          platformId,
          groundIds: ["failed-after-rectification"],
          verification: "v",
          decidedOn: "2025-05-31",
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    const later = await at("authority-nm", "2025-06-01");
    const { evaluationId: reId } = await later.evaluations.openReEvaluation({
      rectificationId: rectification!.id,
    });
    await later.evaluations.assignExpert({
      evaluationId: reId,
      expertId: await userIdOf(database, "expert"),
    });
    const regraded = await later.evaluations.grade({
      evaluationId: reId,
      gradeId: "fail",
      findings: "整改后仍不合格",
      conductedOn: "2025-06-01",
    });
    expect(regraded).toMatchObject({
      closesRectification: "failed",
      proposedGroundId: "failed-after-rectification",
      rectification: null,
    });
    expect((await platformRow(platformId)).status).toBe("rectifying");
    const card = await later.evaluations.forPlatform({ platformId });
    expect(card.rectifications.map((r) => r.status)).toEqual(["failed"]);
    expect(card.delistingAction!.proposedGroundIds).toEqual(["failed-after-rectification"]);

    // A ground outside the module's list, and a decision dated in the future, are refused.
    expect(
      await outcome(
        later.evaluations.delist({
          platformId,
          groundIds: ["made-up"],
          verification: "v",
          decidedOn: "2025-06-01",
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(
        later.evaluations.delist({
          platformId,
          groundIds: ["failed-after-rectification"],
          verification: "v",
          decidedOn: "2025-06-02",
        }),
      ),
    ).toBe("BAD_REQUEST");
    const decided = await later.evaluations.delist({
      platformId,
      groundIds: ["failed-after-rectification"],
      verification: "经审定，整改期满重新评估仍不合格，情况属实",
      decidedOn: "2025-06-01",
      documentNumber: "内科发〔2025〕1号",
    });
    expect(decided).toMatchObject({ revokedOn: "2025-06-01", ruleId: "nm-tic.delisting" });
    expect(await platformRow(platformId)).toMatchObject({ status: "delisted", revokedOn: "2025-06-01" });
    const events = await eventsOf(platformId);
    expect(events.map((e) => e.kind)).toEqual([
      "graded",
      "rectification-ordered",
      "graded",
      "rectification-closed",
      "revoked",
    ]);
    const revoked = events.find((e) => e.kind === "revoked")!;
    expect(revoked).toMatchObject({
      occurredOn: "2025-06-01",
      ruleId: "nm-tic.delisting",
      detail: { groundIds: ["failed-after-rectification"] },
    });
    // The public facts carry no findings.
    expect(JSON.stringify(events)).not.toContain("不公开");
    expect(await auditOf("delisting.record", platformId)).toHaveLength(1);
    // Nothing is deleted: both evaluations and the rectification stay.
    expect(
      await database.db
        .select()
        .from(schema.evaluations)
        .where(eq(schema.evaluations.platformId, platformId)),
    ).toHaveLength(2);
    expect(
      await outcome(
        later.evaluations.delist({
          platformId,
          groundIds: ["fraud"],
          verification: "v",
          decidedOn: "2025-06-01",
        }),
      ),
    ).toBe("CONFLICT");
    // The platform learnt of each step (and the seated experts of their seats).
    const notes = await database.db
      .select({ kind: schema.notifications.kind })
      .from(schema.notifications)
      .where(eq(schema.notifications.platformId, platformId));
    expect(new Set(notes.map((n) => n.kind))).toEqual(
      new Set([
        "evaluation-opened",
        "evaluation-assigned",
        "evaluation-graded",
        "rectification-responded",
        "re-evaluation-opened",
        "revoked",
      ]),
    );
    // The grade's name travels with the notice, so the portal can say it without the module.
    const gradedNotes = await database.db
      .select({ detail: schema.notifications.detail })
      .from(schema.notifications)
      .where(
        and(
          eq(schema.notifications.platformId, platformId),
          eq(schema.notifications.kind, "evaluation-graded"),
        ),
      );
    expect(gradedNotes[0]?.detail).toMatchObject({
      gradeId: "fail",
      gradeName: { zh: "不合格", en: "Fail" },
    });
  });

  it("marks 优秀 eligible for the post-subsidy (nm-tic.post-subsidy); a passed re-evaluation makes the platform active again", async () => {
    const platformId = await placePlatform("nm-tic-2020", "2021-03-01");
    const authority = await at("authority-nm", "2024-06-01");
    const evaluationId = await openOne(authority, platformId);
    await authority.evaluations.assignExpert({ evaluationId, expertId: await userIdOf(database, "expert") });
    const graded = await authority.evaluations.grade({
      evaluationId,
      gradeId: "excellent",
      findings: "优秀",
      conductedOn: "2024-05-30",
    });
    expect(graded).toMatchObject({ postSubsidy: true, ruleId: "nm-tic.post-subsidy", rectification: null });
    expect((await platformRow(platformId)).status).toBe("active");
    const [event] = await eventsOf(platformId);
    expect(event).toMatchObject({
      kind: "graded",
      occurredOn: "2024-05-30",
      ruleId: "nm-tic.post-subsidy",
      detail: { gradeId: "excellent", postSubsidyEligible: true },
    });
    expect((await authority.evaluations.forPlatform({ platformId })).evaluations[0]!.postSubsidy).toBe(true);
    // Graded since the due date: no longer due.
    expect((await authority.evaluations.calendar()).find((c) => c.platformId === platformId)!.due).toBe(
      false,
    );

    // 良好 is not eligible; a fail, then a passed re-evaluation, closes the rectification accepted.
    const other = await placePlatform("nm-tic-2020", "2021-03-01");
    const second = await openOne(authority, other);
    await authority.evaluations.assignExpert({
      evaluationId: second,
      expertId: await userIdOf(database, "expert"),
    });
    expect(
      (
        await authority.evaluations.previewGrade({
          evaluationId: second,
          gradeId: "good",
          conductedOn: "2024-06-01",
        })
      ).postSubsidy,
    ).toBe(false);
    const { rectificationId } = await authority.evaluations.grade({
      evaluationId: second,
      gradeId: "fail",
      findings: "f",
      conductedOn: "2024-06-01",
    });
    const later = await at("authority-nm", "2025-06-01");
    const { evaluationId: reId } = await later.evaluations.openReEvaluation({
      rectificationId: rectificationId!,
    });
    await later.evaluations.assignExpert({
      evaluationId: reId,
      expertId: await userIdOf(database, "expert"),
    });
    const closed = await later.evaluations.grade({
      evaluationId: reId,
      gradeId: "pass",
      findings: "f",
      conductedOn: "2025-06-01",
    });
    expect(closed).toMatchObject({ closesRectification: "accepted", proposedGroundId: null });
    expect((await platformRow(other)).status).toBe("active");
    const [rect] = await database.db
      .select()
      .from(schema.rectifications)
      .where(eq(schema.rectifications.platformId, other));
    expect(rect).toMatchObject({ status: "accepted", reEvaluationId: reId });
  });

  it("gives Sichuan's three outcomes (sc-tic.outcomes): continued support, rectification to the authority's date, revocation to delisting", async () => {
    const [firstEvaluation] = scTic
      .schedule({ approvedOn: "2019-01-10", years: 20 })
      .flatMap((o) => (o.kind === "evaluation" ? [o.earliestOn] : []));
    const day = firstEvaluation!;
    const authority = await at("authority-sc", day);
    const expertId = await userIdOf(database, "expert2");
    const graded: Record<string, { platformId: string; evaluationId: string }> = {};
    for (const gradeId of ["continued-support", "rectification", "revocation"]) {
      const platformId = await placePlatform("sc-tic-2018", "2019-01-10");
      const evaluationId = await openOne(authority, platformId);
      await authority.evaluations.assignExpert({ evaluationId, expertId });
      graded[gradeId] = { platformId, evaluationId };
    }
    // Inner Mongolia's grades are not Sichuan's.
    expect(
      await outcome(
        authority.evaluations.grade({
          evaluationId: graded["continued-support"]!.evaluationId,
          gradeId: "excellent",
          findings: "f",
          conductedOn: day,
        }),
      ),
    ).toBe("BAD_REQUEST");
    const support = await authority.evaluations.grade({
      evaluationId: graded["continued-support"]!.evaluationId,
      gradeId: "continued-support",
      findings: "f",
      conductedOn: day,
    });
    expect(support).toMatchObject({
      consequence: "continued-support",
      rectification: null,
      ruleId: "sc-tic.outcomes",
    });
    expect((await platformRow(graded["continued-support"]!.platformId)).status).toBe("active");

    // The source gives no rectification period: without the authority's date (after the evaluation) it is refused.
    const rect = graded.rectification!;
    for (const rectificationDueOn of [undefined, day]) {
      expect(
        await outcome(
          authority.evaluations.grade({
            evaluationId: rect.evaluationId,
            gradeId: "rectification",
            findings: "f",
            conductedOn: day,
            rectificationDueOn,
          }),
        ),
      ).toBe("BAD_REQUEST");
    }
    // A local setting: the authority's own date, here six months on.
    const dueOn = addMonths(day, 6);
    const rectified = await authority.evaluations.grade({
      evaluationId: rect.evaluationId,
      gradeId: "rectification",
      findings: "f",
      conductedOn: day,
      rectificationDueOn: dueOn,
    });
    expect(rectified.rectification).toEqual({ dueOn, ruleId: "sc-tic.outcomes", months: null });
    expect((await platformRow(rect.platformId)).status).toBe("rectifying");
    // Re-evaluated when the period ends and still failing: the rectification failed, revocation is proposed.
    const later = await at("authority-sc", dueOn);
    const { evaluationId: reId } = await later.evaluations.openReEvaluation({
      rectificationId: rectified.rectificationId!,
    });
    await later.evaluations.assignExpert({ evaluationId: reId, expertId });
    const failedAgain = await later.evaluations.grade({
      evaluationId: reId,
      gradeId: "rectification",
      findings: "f",
      conductedOn: dueOn,
    });
    expect(failedAgain).toMatchObject({
      closesRectification: "failed",
      proposedGroundId: "failed-after-rectification",
      rectification: null,
    });
    expect(
      (await later.evaluations.forPlatform({ platformId: rect.platformId })).delistingAction,
    ).toMatchObject({
      proposedGroundIds: ["failed-after-rectification"],
      ruleId: "sc-tic.outcomes",
    });

    const revoke = graded.revocation!;
    const revoked = await authority.evaluations.grade({
      evaluationId: revoke.evaluationId,
      gradeId: "revocation",
      findings: "f",
      conductedOn: day,
    });
    expect(revoked).toMatchObject({ consequence: "revocation", proposedGroundId: "evaluation-revocation" });
    // The grade proposes; the authority's delisting decides.
    expect((await platformRow(revoke.platformId)).status).toBe("active");
    const card = await authority.evaluations.forPlatform({ platformId: revoke.platformId });
    expect(card.delistingAction!.proposedGroundIds).toEqual(["evaluation-revocation"]);
    // The revocation ground is not established for the platform that got continued support.
    expect(
      await outcome(
        authority.evaluations.delist({
          platformId: graded["continued-support"]!.platformId,
          groundIds: ["evaluation-revocation"],
          verification: "v",
          decidedOn: day,
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    const decided = await authority.evaluations.delist({
      platformId: revoke.platformId,
      groundIds: ["evaluation-revocation"],
      verification: "经审定属实",
      decidedOn: day,
    });
    expect(decided.ruleId).toBe("sc-tic.outcomes");
    expect(await platformRow(revoke.platformId)).toMatchObject({ status: "delisted", revokedOn: day });
  });

  it("shows the authority the zone module's contradicting readings of the final evaluation's timing, with its pick", async () => {
    const zone = await placePlatform("sc-zone-2018", "2019-01-10");
    const center = await placePlatform("sc-tic-2018", "2019-01-10");
    const authority = await at("authority-sc", "2019-02-01");
    const calendar = await authority.evaluations.calendar();
    const [conflict] = calendar.find((c) => c.platformId === zone)!.sourceConflicts;
    expect(conflict).toMatchObject({ id: "summary-evaluation-timing", appliedClause: "六(三)" });
    expect(conflict!.readings.map((r) => r.citation.clause)).toEqual(["五(四)", "六(三)"]);
    // A module whose source is consistent carries none.
    expect(calendar.find((c) => c.platformId === center)!.sourceConflicts).toEqual([]);
  });

  it("records Hunan's third-party evaluator and findings with no grade (hn-tic.evaluation)", async () => {
    const [day] = hn
      .schedule({ approvedOn: "2020-05-01", years: 20 })
      .flatMap((o) => (o.kind === "evaluation" ? [o.earliestOn] : []));
    const platformId = await placePlatform("hn-tic-2020", "2020-05-01");
    const authority = await at("authority", day!);
    const evaluationId = await openOne(authority, platformId);
    expect((await authority.evaluations.get({ evaluationId })).policy).toMatchObject({
      thirdParty: true,
      grades: [],
    });
    expect(
      await outcome(
        authority.evaluations.assignExpert({ evaluationId, expertId: await userIdOf(database, "expert") }),
      ),
    ).toBe("PRECONDITION_FAILED");
    // Without the third party recorded, no findings can be recorded.
    expect(
      await outcome(
        authority.evaluations.grade({ evaluationId, gradeId: null, findings: "f", conductedOn: day! }),
      ),
    ).toBe("PRECONDITION_FAILED");
    await authority.evaluations.recordThirdParty({ evaluationId, evaluatorName: "湖南某科技评估中心" });
    const refused = await failure(
      authority.evaluations.grade({ evaluationId, gradeId: "pass", findings: "f", conductedOn: day! }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("六(五)");
    const graded = await authority.evaluations.grade({
      evaluationId,
      gradeId: null,
      findings: "运行绩效良好，建议继续支持",
      conductedOn: day!,
    });
    expect(graded).toMatchObject({ consequence: "findings-only", rectification: null, postSubsidy: false });
    const stored = await authority.evaluations.get({ evaluationId });
    expect(stored).toMatchObject({
      status: "graded",
      gradeId: null,
      evaluator: "third-party",
      evaluatorName: "湖南某科技评估中心",
    });
    expect((await eventsOf(platformId)).map((e) => [e.kind, e.detail.gradeId])).toEqual([["graded", null]]);
    // Third parties are Hunan's: Inner Mongolia seats experts.
    const nmPlatform = await placePlatform("nm-tic-2020", "2021-03-01");
    const nmAuthority = await at("authority-nm", "2024-06-01");
    const nmEvaluation = await openOne(nmAuthority, nmPlatform);
    expect(
      await outcome(
        nmAuthority.evaluations.recordThirdParty({ evaluationId: nmEvaluation, evaluatorName: "x" }),
      ),
    ).toBe("PRECONDITION_FAILED");
  });

  it("proposes the late-report ground (nm-tic 三(六)3 到期不提交年度报告) once a report is overdue, not on its due date", async () => {
    const platformId = await placePlatform("nm-tic-2020", "2021-03-01");
    await database.db.insert(schema.platformObligations).values({
      platformId,
      kind: "annual-report",
      yearCovered: 2023,
      dueOn: "2024-03-31",
      exempt: false,
      ruleId: nm.annualReport!.ruleId,
    });
    const proposed = async (day: string) =>
      (await (await at("authority-nm", day)).evaluations.forPlatform({ platformId })).delistingAction!
        .proposedGroundIds;
    expect(await proposed("2024-03-31")).toEqual([]);
    expect(await proposed("2024-04-01")).toEqual([nm.annualReport!.lateGroundId]);
  });

  it("answers an authority of another province, and an expert not seated, as if nothing existed", async () => {
    const platformId = await placePlatform("nm-tic-2020", "2021-03-01");
    const nmAuthority = await at("authority-nm", "2024-06-01");
    const evaluationId = await openOne(nmAuthority, platformId);
    await nmAuthority.evaluations.assignExpert({
      evaluationId,
      expertId: await userIdOf(database, "expert"),
    });
    const hunan = await at("authority", "2024-06-01");
    const expertId = await userIdOf(database, "expert2");
    const attempts = [
      () => hunan.evaluations.openRound({ platformIds: [platformId], title: "x" }),
      () => hunan.evaluations.get({ evaluationId }),
      () => hunan.evaluations.forPlatform({ platformId }),
      () => hunan.evaluations.expertCandidates({ evaluationId }),
      () => hunan.evaluations.assignExpert({ evaluationId, expertId }),
      () => hunan.evaluations.saveMaterial({ evaluationId, material: {} }),
      () =>
        hunan.evaluations.grade({ evaluationId, gradeId: "pass", findings: "f", conductedOn: "2024-06-01" }),
      () =>
        hunan.evaluations.delist({
          platformId,
          groundIds: ["fraud"],
          verification: "v",
          decidedOn: "2024-06-01",
        }),
    ];
    for (const attempt of attempts) expect(await outcome(attempt())).toBe("NOT_FOUND");
    expect((await hunan.evaluations.list()).map((e) => e.id)).not.toContain(evaluationId);
    expect((await hunan.evaluations.calendar()).map((c) => c.platformId)).not.toContain(platformId);

    const seated = await at("expert", "2024-06-01");
    expect((await seated.evaluations.list()).map((e) => e.id)).toContain(evaluationId);
    expect((await seated.evaluations.get({ evaluationId })).experts).toHaveLength(1);
    const notSeated = await at("expert2", "2024-06-01");
    expect(await outcome(notSeated.evaluations.get({ evaluationId }))).toBe("NOT_FOUND");
    expect(await outcome(notSeated.evaluations.saveMaterial({ evaluationId, material: {} }))).toBe(
      "NOT_FOUND",
    );
    expect((await notSeated.evaluations.list()).map((e) => e.id)).not.toContain(evaluationId);
    expect(await platformRow(platformId)).toMatchObject({ status: "active" });
  });
});
