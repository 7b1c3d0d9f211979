import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportState } from "./exports/lists";
import { createCaller } from "./root";
import { createContext } from "./trpc";
import type { Api } from "./workflow/testing";

/**
 * The after-approval exports (issue 10): each list with the screen's filters, as CSV and xlsx, for the
 * authority of the platforms' jurisdiction only, with an audit row per export. Fixture rows go straight
 * into the tables; "today" is set through the context's clock.
 */
const NOW = new Date("2026-04-15T04:00:00Z"); // 2026-04-15 in China
const evil = '=cmd|"/c calc"!A1';

type File = { fileName: string; mime: string; rows: number; content: string; encoding: string };
const csvLines = (file: File) =>
  file.content
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
/** The rows of this suite's fixture platforms (the demo seed may hold platforms of its own). */
const ours = (file: File) => csvLines(file).filter((line) => /导出测试|=cmd/.test(line));
async function xlsxRows(file: File): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.content, "base64") as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe.each(testDatabases())("after-approval exports on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  const as = {} as Record<"authority" | "authority-nm" | "applicant" | "recommender" | "expert", Api>;
  const ids = {} as Record<"evil" | "nm2" | "hunan", string>;

  /** A caller whose clock reads NOW, signed in at NOW (sessions follow the same clock). */
  const callerAt = (token: string | null, onToken?: (t: string) => void): Api =>
    createCaller(
      createContext({
        database,
        requestId: "exports-test",
        ip: "10.1.0.8",
        userAgent: "vitest",
        sessionToken: token,
        cookies: { set: (t) => onToken?.(t), clear: () => {} },
        now: () => NOW,
      }),
    );
  async function signInAt(username: string): Promise<Api> {
    const account = accounts.find((a) => a.username === username)!;
    let token: string | null = null;
    const totp = account.totpSecret
      ? await generate({ secret: account.totpSecret, epoch: Math.floor(NOW.getTime() / 1000) })
      : undefined;
    await callerAt(null, (t) => {
      token = t;
    }).auth.signIn({ username, password: account.password, totp });
    if (!token) throw new Error(`sign-in failed for ${username}`);
    return callerAt(token);
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    for (const name of ["authority", "authority-nm", "applicant", "recommender", "expert"] as const)
      as[name] = await signInAt(name);
    const db = database.db;
    const [applicant] = await db.select().from(schema.users).where(eq(schema.users.username, "applicant"));
    const [expert] = await db.select().from(schema.users).where(eq(schema.users.username, "expert"));
    const platform = (name: string, policyId: string, jurisdiction: string) => ({
      policyId,
      kind: "tech-innovation-center",
      name,
      leadOrgId: applicant!.organizationId!,
      jurisdiction,
      approvedOn: "2023-06-30",
      fields: ["新材料"],
    });
    const [a, b, c] = await db
      .insert(schema.platforms)
      .values([
        platform(evil, "nm-tic-2020", "150000"),
        platform("内蒙古自治区导出测试技术创新中心", "nm-tic-2020", "150000"),
        platform("湖南省导出测试技术创新中心", "hn-tic-2020", "430000"),
      ])
      .returning({ id: schema.platforms.id });
    ids.evil = a!.id;
    ids.nm2 = b!.id;
    ids.hunan = c!.id;
    const report = (platformId: string, yearCovered: number, dueOn: string, exempt = false) => ({
      platformId,
      kind: "annual-report" as const,
      yearCovered,
      dueOn,
      exempt,
      ruleId: "nm-tic.annual-report",
    });
    await db.insert(schema.platformObligations).values([
      report(ids.evil, 2023, "2024-03-31", true), // exempt: never listed
      report(ids.evil, 2024, "2025-03-31"), // accepted
      report(ids.evil, 2025, "2026-03-31"), // overdue on 2026-04-15 (a draft only)
      report(ids.nm2, 2025, "2026-04-15"), // due today: not overdue yet
      report(ids.nm2, 2024, "2025-03-31"), // submitted
      report(ids.nm2, 2026, "2027-03-31"), // the year covered has begun: due
      report(ids.nm2, 2027, "2028-03-31"), // not yet due: in no list
      report(ids.hunan, 2025, "2026-01-31"), // another jurisdiction
    ]);
    await db.insert(schema.annualReports).values([
      {
        platformId: ids.evil,
        yearCovered: 2024,
        status: "accepted",
        submittedAt: new Date("2025-03-01T02:00:00Z"),
      },
      { platformId: ids.evil, yearCovered: 2025, status: "draft" },
      {
        platformId: ids.nm2,
        yearCovered: 2024,
        status: "recommender-checked",
        submittedAt: new Date("2025-03-20T02:00:00Z"),
      },
    ]);
    const evaluation = (platformId: string, policyId: string, conductedOn: string, gradeId: string) => ({
      platformId,
      policyId,
      kind: "periodic" as const,
      status: "graded" as const,
      periodFrom: "2023-06-30",
      periodTo: "2025-06-29",
      evaluator: "experts" as const,
      gradeId,
      findings: "内部评审意见",
      conductedOn,
      ruleId: "nm-tic.evaluation-grades",
    });
    const [graded] = await db
      .insert(schema.evaluations)
      .values([
        evaluation(ids.evil, "nm-tic-2020", "2025-08-01", "fail"),
        evaluation(ids.nm2, "nm-tic-2020", "2024-08-01", "excellent"),
        { ...evaluation(ids.nm2, "nm-tic-2020", "2026-02-01", "good"), status: "open" as const },
        {
          ...evaluation(ids.hunan, "hn-tic-2020", "2025-08-01", "pass"),
          evaluator: "third-party" as const,
          evaluatorName: "湖南第三方评估院",
        },
      ])
      .returning({ id: schema.evaluations.id });
    await db.insert(schema.evaluationExperts).values({ evaluationId: graded!.id, expertId: expert!.id });
    await db.insert(schema.rectifications).values([
      {
        platformId: ids.evil,
        evaluationId: graded!.id,
        reason: "@SUM(1+1) 评估不合格",
        startsOn: "2025-08-01",
        dueOn: "2026-08-01",
        ruleId: "nm-tic.rectification",
      },
      {
        platformId: ids.nm2,
        reason: "已整改",
        startsOn: "2024-08-01",
        dueOn: "2025-08-01",
        status: "accepted" as const,
        ruleId: "nm-tic.rectification",
      },
      {
        platformId: ids.hunan,
        reason: "湖南整改",
        startsOn: "2025-08-01",
        dueOn: "2026-08-01",
        ruleId: "hn-tic.evaluation",
      },
    ]);
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  const auditRows = (action: string) =>
    database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

  it("computes a report's state on its due date and the day after (boundary)", () => {
    const o = { yearCovered: 2025, dueOn: "2026-03-31" };
    expect(reportState(o, null, "2026-03-31")).toBe("due");
    expect(reportState(o, "draft", "2026-04-01")).toBe("overdue");
    expect(reportState(o, "returned", "2026-04-01")).toBe("overdue");
    expect(reportState(o, "submitted", "2026-04-01")).toBe("submitted");
    expect(reportState(o, "accepted", "2026-04-01")).toBe("accepted");
    expect(reportState({ yearCovered: 2026, dueOn: "2027-03-31" }, null, "2026-04-01")).toBe("due");
    expect(reportState({ yearCovered: 2027, dueOn: "2028-03-31" }, null, "2026-04-01")).toBe("not-yet-due");
  });

  it("exports annual reports due and overdue with the filters, in the jurisdiction only", async () => {
    const nm = as["authority-nm"];
    const all = await nm.exports.annualReports({ format: "csv" });
    const lines = csvLines(all);
    expect(lines[0]).toBe("平台,依据政策,报告年度,截止日期,报告状态,提交时间,办理情况,是否逾期");
    expect(all.rows).toBe(lines.length - 1);
    // Exempt 2023, the not-yet-begun 2027 and the Hunan platform never appear; 2026 (year begun) is due.
    expect(ours(all)).toHaveLength(5);
    expect(all.content).not.toContain("湖南");
    const overdue = ours(await nm.exports.annualReports({ format: "csv", status: "overdue" }));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toContain("2026-03-31");
    expect(overdue[0]).toMatch(/,逾期未交,是$/);
    const due = ours(await nm.exports.annualReports({ format: "csv", status: "due", yearCovered: 2025 }));
    expect(due).toHaveLength(1);
    expect(due[0]).toContain("内蒙古自治区导出测试技术创新中心");
    expect(due[0]).toMatch(/,2026-04-15,未填报,,待提交,否$/);
    const submitted = ours(await nm.exports.annualReports({ format: "csv", status: "submitted" }));
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toContain("推荐部门已审核");
    const accepted = await nm.exports.annualReports({ format: "xlsx", status: "accepted", locale: "en" });
    const sheet = (await xlsxRows(accepted)).filter(
      (row, i) => i === 0 || /导出测试|=cmd/.test(String(row[0])),
    );
    expect(sheet[0]).toEqual([
      "Platform",
      "Policy",
      "Year covered",
      "Due on",
      "Report status",
      "Submitted at",
      "State",
      "Overdue",
    ]);
    expect(sheet).toHaveLength(2);
    expect(sheet[1]!.slice(2)).toEqual([
      2024,
      "2025-03-31",
      "Accepted",
      "2025-03-01T02:00:00.000Z",
      "Accepted",
      "No",
    ]);
    // A Hunan filter from Inner Mongolia's authority finds nothing: scope, not the filter, decides.
    expect(ours(await nm.exports.annualReports({ format: "csv", policyId: "hn-tic-2020" }))).toEqual([]);
    const hunan = await as.authority.exports.annualReports({ format: "csv" });
    expect(ours(hunan)).toHaveLength(1);
    expect(hunan.content).toContain("湖南省导出测试技术创新中心");
    expect(hunan.content).not.toContain("内蒙古");
  });

  it("exports evaluation results with grade names and never an expert's name", async () => {
    const nm = as["authority-nm"];
    const file = await nm.exports.evaluationResults({ format: "csv" });
    expect(ours(file)).toHaveLength(2); // the open evaluation is not a result
    expect(file.content).toContain("不合格");
    expect(file.content).toContain("优秀");
    expect(file.content).not.toContain("内部评审意见");
    const [expert] = await database.db.select().from(schema.users).where(eq(schema.users.username, "expert"));
    expect(file.content).not.toContain(expert!.displayName);
    const in2025 = ours(await nm.exports.evaluationResults({ format: "csv", year: 2025 }));
    expect(in2025).toHaveLength(1);
    expect(in2025[0]).toMatch(/,不合格,2025-08-01$/);
    const hunan = await as.authority.exports.evaluationResults({ format: "csv" });
    expect(ours(hunan)).toHaveLength(1);
    expect(hunan.content).not.toContain("内蒙古");
    expect(hunan.content).toContain("第三方机构：湖南第三方评估院");
  });

  it("exports rectifications by status", async () => {
    const nm = as["authority-nm"];
    expect(ours(await nm.exports.rectifications({ format: "csv" }))).toHaveLength(2);
    const open = await nm.exports.rectifications({ format: "xlsx", status: "open" });
    const sheet = (await xlsxRows(open)).filter((row) => /导出测试|=cmd/.test(String(row[0])));
    expect(sheet).toHaveLength(1);
    expect(sheet[0]!.slice(2)).toEqual(["'@SUM(1+1) 评估不合格", "2025-08-01", "2026-08-01", "整改中"]);
  });

  it("neutralizes a formula platform name in CSV and in xlsx", async () => {
    const nm = as["authority-nm"];
    for (const list of ["annualReports", "evaluationResults", "rectifications"] as const) {
      const csv = await nm.exports[list]({ format: "csv" });
      expect(csv.mime).toBe("text/csv; charset=utf-8");
      expect(csv.content, list).toContain(`"'=cmd|""/c calc""!A1"`);
      expect(
        csvLines(csv).some((line) => line.startsWith("=")),
        list,
      ).toBe(false);
      const xlsx = await nm.exports[list]({ format: "xlsx" });
      expect(xlsx.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(xlsx.fileName).toMatch(/^[a-z-]+-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const names = (await xlsxRows(xlsx)).slice(1).map((row) => row[0]);
      expect(names, list).toContain(`'${evil}`);
      expect(names, list).not.toContain(evil);
    }
  });

  it("writes one audit row per export, with the filters", async () => {
    const before = (await auditRows("export.rectifications")).length;
    await as["authority-nm"].exports.rectifications({ format: "csv", status: "accepted" });
    const rows = await auditRows("export.rectifications");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorRole: "authority",
      result: "ok",
      objectId: "rectifications",
      detail: { format: "csv", filters: { status: "accepted" } },
    });
  });

  it("refuses every role but the authority, and a bare call without a format", async () => {
    const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : `THROWN ${String(e)}`);
    for (const role of ["applicant", "recommender", "expert"] as const)
      for (const list of ["annualReports", "evaluationResults", "rectifications"] as const)
        expect(
          await as[role].exports[list]({ format: "csv" }).then(() => "OK", codeOf),
          `${role} ${list}`,
        ).toBe("FORBIDDEN");
    const anonymous = callerAt(null);
    expect(await anonymous.exports.annualReports({ format: "csv" }).then(() => "OK", codeOf)).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await (as["authority-nm"].exports.annualReports as (i?: unknown) => Promise<unknown>)().then(
        () => "OK",
        codeOf,
      ),
    ).toBe("BAD_REQUEST");
    expect(await auditRows("export.annual-reports")).not.toContainEqual(
      expect.objectContaining({ actorRole: "applicant" }),
    );
  });
});
