import { type DemoAccount, schema } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFilters } from "./files";
import { account, startTestApp, TrpcClient } from "./testing";

/** The after-approval export files over HTTP (files.ts): content type, a safe disposition, filters, refusals. */
describe("exportFilters", () => {
  it("keeps the known filters with a value and drops the rest", () => {
    expect(
      exportFilters({ policyId: "hn-tic-2020", status: "", yearCovered: "2025", format: "pdf", x: "1" }),
    ).toEqual({ policyId: "hn-tic-2020", yearCovered: "2025" });
    expect(exportFilters({ status: ["a", "b"] })).toEqual({});
    expect(exportFilters(undefined)).toEqual({});
  });
});

describe.each(testDatabases())("after-approval export files on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  let authority: TrpcClient;

  const get = (url: string, client?: TrpcClient, remoteAddress = "198.51.100.1") =>
    app.inject({
      method: "GET",
      url,
      headers: { host: "localhost:3000", ...(client?.cookie ? { cookie: client.cookie } : {}) },
      remoteAddress,
    });

  beforeAll(async () => {
    ({ app, accounts } = await startTestApp(kind));
    authority = new TrpcClient(app);
    const a = account(accounts, "authority");
    const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
    expect((await authority.signIn("authority", a.password, totp)).statusCode).toBe(200);
    const db = app.database.db;
    const [applicant] = await db.select().from(schema.users).where(eq(schema.users.username, "applicant"));
    const [platform] = await db
      .insert(schema.platforms)
      .values({
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        name: '=HYPERLINK("http://evil.example") 文件导出测试中心',
        leadOrgId: applicant!.organizationId!,
        jurisdiction: "430000",
        approvedOn: "2023-05-10",
        fields: ["新材料"],
      })
      .returning({ id: schema.platforms.id });
    await db.insert(schema.platformObligations).values([
      {
        platformId: platform!.id,
        kind: "annual-report",
        yearCovered: 2023,
        dueOn: "2024-01-31",
        ruleId: "hn-tic.annual-report",
      },
      {
        platformId: platform!.id,
        kind: "annual-report",
        yearCovered: 2024,
        dueOn: "2025-01-31",
        ruleId: "hn-tic.annual-report",
      },
    ]);
    await db
      .insert(schema.annualReports)
      .values({ platformId: platform!.id, yearCovered: 2024, status: "accepted", submittedAt: new Date() });
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  it("serves the annual-reports list as CSV with the filters, formulas neutralized, and audits it", async () => {
    const response = await get(
      "/api/v1/exports/annual-reports.csv?status=overdue&policyId=hn-tic-2020&yearCovered=",
      authority,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="annual-reports-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''annual-reports-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("no-store");
    const ours = response.body.split("\r\n").filter((line) => line.includes("文件导出测试中心"));
    // status=overdue: the 2023 report (never sent in), not the accepted 2024 one.
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/evil\.example""\) 文件导出测试中心",.*,2023,2024-01-31,/,
    );
    const audit = await app.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "export.annual-reports"));
    expect(audit).toMatchObject([
      {
        actorRole: "authority",
        result: "ok",
        detail: { format: "csv", filters: { status: "overdue", policyId: "hn-tic-2020" } },
      },
    ]);
  });

  it("serves the xlsx workbook with its content type", async () => {
    const response = await get("/api/v1/exports/rectifications.xlsx", authority, "198.51.100.2");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="rectifications-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''rectifications-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    // A zip container (xlsx), not base64 text.
    expect(response.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("answers 400 for a bad filter and refuses other roles", async () => {
    expect(
      (await get("/api/v1/exports/annual-reports.csv?status=all-of-it", authority, "198.51.100.3"))
        .statusCode,
    ).toBe(400);
    expect((await get("/api/v1/exports/evaluation-results.xlsx", undefined, "198.51.100.4")).statusCode).toBe(
      401,
    );
    const applicant = new TrpcClient(app);
    const a = account(accounts, "applicant");
    expect((await applicant.signIn("applicant", a.password)).statusCode).toBe(200);
    const refused = await get("/api/v1/exports/evaluation-results.csv", applicant, "198.51.100.5");
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-disposition"]).toBeUndefined();
  });
});
