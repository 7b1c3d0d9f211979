import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { registry } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, createFixture, type Fixture, placeApplication, signIn } from "./workflow/testing";

/**
 * Files attached to an annual report (issue 10: "saves drafts, attaches files, submits"): the same upload path
 * as an application's, with the report's scope (its platform) and its editability (draft or returned).
 */

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const outcome = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);
const b64 = (bytes: Buffer) => bytes.toString("base64");
const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const hn = registry.get("hn-tic-2020")!;
/** Noon in China on `day`. */
const at = (day: string) => new Date(`${day}T04:00:00Z`);

describe.each(testDatabases())("annual report attachments on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let fixture: Fixture;
  let today = "2030-01-01";
  const now = () => at(today);
  const as = {} as Record<string, Api>;
  const names = ["applicant", "applicant2", "recommender", "recommender-nm", "authority", "authority-sc"];
  let platformId: string;
  let reportId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db, at("2026-12-02"));
    for (const name of names)
      as[name] = await signIn(database, accounts.find((a) => a.username === name)!, now);
    fixture = await createFixture(database);
    // A Hunan platform of "applicant" (recommended by 430200), approved through the real transition.
    const [me] = await database.db.select().from(schema.users).where(eq(schema.users.username, "applicant"));
    const stage = hn.workflow.transitions.find((t) => t.action === "approve")!.from;
    const app = await placeApplication(database, hn, stage, fixture);
    await database.db
      .update(schema.applications)
      .set({ organizationId: me!.organizationId!, recommenderArea: "430200" })
      .where(eq(schema.applications.id, app.id));
    today = "2024-05-05";
    const approved = await as.authority!.applications.transition({
      applicationId: app.id,
      action: "approve",
      expectedVersion: app.version,
    });
    platformId = approved.platformId!;
    today = "2025-01-20";
    const draft = await as.applicant!.annualReports.saveDraft({
      platformId,
      yearCovered: 2024,
      content: { sections: { lastYearSummary: "总结", thisYearPlan: "计划" } },
    });
    reportId = draft.id;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const upload = (caller: string, fileName = "年度报告附件.pdf") =>
    as[caller]!.attachments.upload({ annualReportId: reportId, fileName, contentBase64: b64(pdf) });

  it("the platform's applicant attaches a PDF to its draft, lists it; the upload is audited on the report", async () => {
    const stored = await upload("applicant");
    expect(stored).toMatchObject({ mime: "application/pdf", displayName: "年度报告附件.pdf" });
    const [row] = await database.db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.id, stored.id));
    expect(row).toMatchObject({ annualReportId: reportId, applicationId: null });
    const listed = await as.applicant!.attachments.list({ annualReportId: reportId });
    expect(listed.map((a) => a.id)).toEqual([stored.id]);
    const audits = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "attachment.upload"), eq(schema.auditLog.objectId, reportId)));
    expect(audits).toMatchObject([{ objectType: "annual-report", result: "ok" }]);
    // A file the sniffer refuses is refused for a report too.
    expect(
      await outcome(
        as.applicant!.attachments.upload({
          annualReportId: reportId,
          fileName: "x.pdf",
          contentBase64: b64(Buffer.from("MZ\x90\x00")),
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("a draft's files are the platform's own: reviewers in scope see nothing yet", async () => {
    expect(await outcome(as.recommender!.attachments.list({ annualReportId: reportId }))).toBe("NOT_FOUND");
    expect(await outcome(as.authority!.attachments.list({ annualReportId: reportId }))).toBe("NOT_FOUND");
  });

  it("out of scope: another organization's applicant, another area's recommender, another province's authority", async () => {
    const [file] = await as.applicant!.attachments.list({ annualReportId: reportId });
    expect(await outcome(upload("applicant2"))).toBe("NOT_FOUND");
    for (const caller of ["applicant2", "recommender-nm", "authority-sc"]) {
      expect(await outcome(as[caller]!.attachments.list({ annualReportId: reportId }))).toBe("NOT_FOUND");
      expect(await outcome(as[caller]!.attachments.download({ attachmentId: file!.id }))).toBe("NOT_FOUND");
    }
    // An id that is no report at all answers the same.
    expect(
      await outcome(
        as.applicant!.attachments.list({ annualReportId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toBe("NOT_FOUND");
    // Both targets at once, or none, is not an input.
    expect(
      await outcome(
        as.applicant!.attachments.list({
          annualReportId: reportId,
          applicationId: reportId,
        } as unknown as { annualReportId: string }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await outcome(as.applicant!.attachments.list({} as { annualReportId: string }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("once submitted: the recommender and authority in scope list and download; uploads are refused", async () => {
    const [report] = await database.db
      .select()
      .from(schema.annualReports)
      .where(eq(schema.annualReports.id, reportId));
    await as.applicant!.annualReports.submit({
      platformId,
      yearCovered: 2024,
      expectedVersion: report!.version,
    });
    for (const caller of ["recommender", "authority", "applicant"]) {
      const [file] = await as[caller]!.attachments.list({ annualReportId: reportId });
      expect(file?.displayName).toBe("年度报告附件.pdf");
      const back = await as[caller]!.attachments.download({ attachmentId: file!.id });
      expect(Buffer.from(back.contentBase64, "base64").equals(pdf)).toBe(true);
    }
    const refused = await upload("applicant").catch((e: unknown) => e);
    expect(codeOf(refused)).toBe("PRECONDITION_FAILED");
    expect((refused as TRPCError).cause).toMatchObject({
      text: {
        zh: "只有草稿或退回修改的年度报告可以编辑或提交",
        en: "Only a draft or a returned annual report can be edited or submitted",
      },
    });
    expect(await as.applicant!.attachments.list({ annualReportId: reportId })).toHaveLength(1);
  });

  it("the database refuses a row with both an application and a report, or with neither", async () => {
    const [file] = await database.db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.annualReportId, reportId));
    const [app] = await database.db.select({ id: schema.applications.id }).from(schema.applications).limit(1);
    const { id: _id, ...copy } = file!;
    await expect(
      database.db.insert(schema.attachments).values({ ...copy, applicationId: app!.id }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(schema.attachments).values({ ...copy, annualReportId: null }),
    ).rejects.toThrow();
    // The same row with exactly one holder goes in: the refusals above were the CHECK's.
    await expect(database.db.insert(schema.attachments).values(copy)).resolves.toBeDefined();
  });
});
