import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { policyModules } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerWith, userIdOf } from "./workflow/testing";

/**
 * The public trace (issue 10): the register keeps revoked platforms, marked with the date and the clause;
 * a platform's page shows its public events in date order and nothing confidential. Rows are written
 * straight to the tables (the revocation flow itself is the evaluations suite's).
 */
const nm = policyModules.find((m) => m.id === "nm-tic-2020")!;
const secretReport = "年度报告机密正文：研发投入 8,888 万元";
const secretFindings = "专家评审意见：数据造假嫌疑（内部）";
const secretReason = "整改原因：内部核查记录";
const secretVerification = "经审定情况属实：内部核查笔录";

describe.each(testDatabases())("public trace on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let revokedId: string;
  let activeId: string;
  let expertName: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    const db = database.db;
    const [applicant] = await db.select().from(schema.users).where(eq(schema.users.username, "applicant"));
    const [expert] = await db.select().from(schema.users).where(eq(schema.users.username, "expert"));
    expertName = expert!.displayName;
    const authorityId = await userIdOf(database, "authority-nm");
    const [revoked, active] = await db
      .insert(schema.platforms)
      .values([
        {
          policyId: "nm-tic-2020",
          kind: "tech-innovation-center",
          name: "内蒙古自治区测试撤销技术创新中心",
          leadOrgId: applicant!.organizationId!,
          jurisdiction: "150000",
          approvedOn: "2022-07-01",
          fields: ["新材料"],
          status: "delisted",
          revokedOn: "2025-09-30",
          recommenderArea: "150200",
        },
        {
          policyId: "nm-tic-2020",
          kind: "tech-innovation-center",
          name: "内蒙古自治区测试在册技术创新中心",
          leadOrgId: applicant!.organizationId!,
          jurisdiction: "150000",
          approvedOn: "2022-07-01",
          fields: ["新能源"],
          recommenderArea: "150200",
        },
      ])
      .returning({ id: schema.platforms.id });
    revokedId = revoked!.id;
    activeId = active!.id;
    await db.insert(schema.annualReports).values({
      platformId: revokedId,
      yearCovered: 2023,
      dueOn: "2024-03-31",
      status: "accepted",
      content: { sections: { annualPlan: secretReport } },
    });
    const [evaluation] = await db
      .insert(schema.evaluations)
      .values({
        platformId: revokedId,
        policyId: "nm-tic-2020",
        kind: "periodic",
        status: "graded",
        periodFrom: "2022-07-01",
        periodTo: "2024-06-30",
        evaluator: "experts",
        gradeId: "fail",
        findings: secretFindings,
        conductedOn: "2024-08-01",
        ruleId: "nm-tic.evaluation-grades",
      })
      .returning({ id: schema.evaluations.id });
    await db.insert(schema.evaluationExperts).values({ evaluationId: evaluation!.id, expertId: expert!.id });
    await db.insert(schema.rectifications).values({
      platformId: revokedId,
      evaluationId: evaluation!.id,
      reason: secretReason,
      startsOn: "2024-08-01",
      dueOn: "2025-08-01",
      status: "failed",
      response: secretReport,
      ruleId: "nm-tic.rectification",
    });
    await db.insert(schema.delistings).values({
      platformId: revokedId,
      groundIds: ["failed-after-rectification"],
      reason: secretReason,
      verification: secretVerification,
      decidedOn: "2025-09-30",
      decidedBy: authorityId,
      ruleId: "nm-tic.delisting",
    });
    // Recorded out of date order on purpose: the page sorts by date. Details carry extras a careless writer
    // might add (findings, content): only the allow-listed facts may come out.
    await db.insert(schema.platformEvents).values([
      {
        platformId: revokedId,
        kind: "revoked",
        occurredOn: "2025-09-30",
        detail: { groundIds: ["failed-after-rectification"], verification: secretVerification },
        ruleId: "nm-tic.delisting",
      },
      {
        platformId: revokedId,
        kind: "graded",
        occurredOn: "2024-08-01",
        detail: { gradeId: "fail", findings: secretFindings, experts: [expertName] },
        ruleId: "nm-tic.evaluation-grades",
      },
      {
        platformId: revokedId,
        kind: "report-filed",
        occurredOn: "2024-03-20",
        detail: { yearCovered: 2023, content: secretReport },
        ruleId: "nm-tic.annual-report",
      },
      {
        platformId: revokedId,
        kind: "rectification-ordered",
        occurredOn: "2024-08-01",
        detail: { dueOn: "2025-08-01", reason: secretReason },
        ruleId: "nm-tic.rectification",
      },
      {
        platformId: revokedId,
        kind: "rectification-closed",
        occurredOn: "2025-08-20",
        detail: { outcome: "failed" },
        ruleId: "nm-tic.rectification",
      },
      { platformId: revokedId, kind: "approved", occurredOn: "2022-07-01", ruleId: "nm-tic.stages" },
    ]);
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  const anonymous = () => callerWith(database, null);
  const clauseOf = (ruleId: string) => nm.rules.find((r) => r.id === ruleId)!.citation.clause;

  it("lists revoked platforms in the register, marked with the date, the ground and its clause", async () => {
    const listed = await anonymous().platforms.listApproved({ policyId: "nm-tic-2020" });
    const revoked = listed.find((p) => p.id === revokedId)!;
    expect(revoked).toMatchObject({
      status: "delisted",
      revokedOn: "2025-09-30",
      revocation: {
        revokedOn: "2025-09-30",
        grounds: [
          {
            id: "failed-after-rectification",
            text: {
              zh: "评估评价不合格，限期整改仍不合格",
              en: "Still failing after the rectification period",
            },
          },
        ],
        rule: {
          ruleId: "nm-tic.delisting",
          citation: { source: "nm-tic-2020", clause: clauseOf("nm-tic.delisting") },
        },
      },
    });
    const active = listed.find((p) => p.id === activeId)!;
    expect(active).toMatchObject({ status: "active", revokedOn: null, revocation: null });
    // Every revoked platform of the register carries its revocation; the others none.
    const all = await anonymous().platforms.listApproved();
    expect(all.map((p) => p.id)).toContain(revokedId);
    for (const p of all) expect(p.revocation === null, p.name).toBe(p.status !== "delisted");
    const json = JSON.stringify(all);
    for (const secret of [secretReason, secretVerification]) expect(json).not.toContain(secret);
  });

  it("shows one platform's page with its timeline in date order, each event with its clause", async () => {
    const page = await anonymous().platforms.get({ platformId: revokedId });
    expect(page).toMatchObject({
      name: "内蒙古自治区测试撤销技术创新中心",
      jurisdiction: { code: "150000", name: nm.jurisdiction.name },
      kind: "tech-innovation-center",
      fields: ["新材料"],
      approvedOn: "2022-07-01",
      status: "delisted",
      revokedOn: "2025-09-30",
    });
    expect(page.leadUnitName.length).toBeGreaterThan(0);
    expect(page.approvalRule?.citation?.source).toBe("nm-tic-2020");
    expect(page.timeline.map((e) => [e.occurredOn, e.kind])).toEqual([
      ["2022-07-01", "approved"],
      ["2024-03-20", "report-filed"],
      // Same day: the order they were recorded in.
      ["2024-08-01", "graded"],
      ["2024-08-01", "rectification-ordered"],
      ["2025-08-20", "rectification-closed"],
      ["2025-09-30", "revoked"],
    ]);
    const byKind = Object.fromEntries(page.timeline.map((e) => [e.kind, e]));
    expect(byKind["report-filed"]!.yearCovered).toBe(2023);
    expect(byKind.graded!.grade).toEqual({ id: "fail", name: { zh: "不合格", en: "Fail" } });
    expect(byKind["rectification-ordered"]!.dueOn).toBe("2025-08-01");
    expect(byKind["rectification-closed"]!.outcome).toBe("failed");
    expect(byKind.revoked!.grounds.map((g) => g.id)).toEqual(["failed-after-rectification"]);
    expect(byKind.revoked!.rule?.citation?.clause).toBe(clauseOf("nm-tic.delisting"));
    expect(byKind.graded!.rule?.citation?.clause).toBe(clauseOf("nm-tic.evaluation-grades"));
    // Nothing confidential: no report text, findings, reasons, verification, expert identities.
    const json = JSON.stringify(page);
    for (const secret of [secretReport, secretFindings, secretReason, secretVerification, expertName])
      expect(json).not.toContain(secret);
    expect(json).not.toMatch(/findings|content|verification|experts|"reason"/);
  });

  it("shows the approval of a platform that has no recorded event yet", async () => {
    const page = await anonymous().platforms.get({ platformId: activeId });
    expect(page.revocation).toBeNull();
    expect(page.timeline).toEqual([
      expect.objectContaining({ kind: "approved", occurredOn: "2022-07-01", rule: page.approvalRule }),
    ]);
  });

  it("answers NOT_FOUND, in both languages, for an unknown or malformed id", async () => {
    for (const platformId of [
      "00000000-0000-4000-8000-000000000000",
      "not-a-uuid",
      "'; drop table platforms",
    ]) {
      const error = await anonymous()
        .platforms.get({ platformId })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
      expect((error as TRPCError).message).toBe("未找到该平台");
      expect(((error as TRPCError).cause as { text?: unknown }).text).toEqual({
        zh: "未找到该平台",
        en: "No such platform",
      });
    }
    expect(accounts.length).toBeGreaterThan(0);
  });
});
