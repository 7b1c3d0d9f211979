import { type DemoAccount, schema } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import { and, eq, ne } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRateLimits } from "./env";
import { account, startTestApp, TrpcClient } from "./testing";

/** Files over plain HTTP: attachment downloads and the authority's CSV export (files.ts). */
const hunanSentIn = and(
  ne(schema.applications.stage, "draft"),
  eq(schema.applications.policyId, "hn-tic-2020"),
);

describe.each(testDatabases())("file routes on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  const clients = new Map<string, TrpcClient>();

  const signedIn = async (username: string) => {
    const known = clients.get(username);
    if (known) return known;
    const client = new TrpcClient(app);
    const a = account(accounts, username);
    const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
    expect((await client.signIn(username, a.password, totp)).statusCode).toBe(200);
    clients.set(username, client);
    return client;
  };
  const get = (url: string, client?: TrpcClient, remoteAddress = "127.0.0.1") =>
    app.inject({
      method: "GET",
      url,
      headers: { host: "localhost:3000", ...(client?.cookie ? { cookie: client.cookie } : {}) },
      remoteAddress,
    });
  const auditRows = (action: string) =>
    app.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

  beforeAll(async () => {
    ({ app, accounts } = await startTestApp(kind));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  describe("GET /api/v1/attachments/:id/download", () => {
    let attachmentId: string;
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x20)]);

    beforeAll(async () => {
      const applicant = await signedIn("applicant");
      const mine = await applicant.data<{ id: string; stage: string }[]>("query", "applications.listMine");
      const draftId = mine.find((x) => x.stage === "draft")!.id;
      ({ id: attachmentId } = await applicant.data<{ id: string }>("mutation", "attachments.upload", {
        applicationId: draftId,
        // A name that would break a header or a path, and one that is not ASCII.
        fileName: '../建设方案 "final"\r\n.pdf',
        contentBase64: pdf.toString("base64"),
      }));
    });

    it("gives the owner the stored bytes as an attachment with the sniffed type, and audits it", async () => {
      const response = await get(`/api/v1/attachments/${attachmentId}/download`, await signedIn("applicant"));
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(pdf)).toBe(true);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["cache-control"]).toBe("no-store");
      const disposition = String(response.headers["content-disposition"]);
      expect(disposition).toBe(
        `attachment; filename="${attachmentId}.pdf"; filename*=UTF-8''${encodeURIComponent('建设方案 "final".pdf')}`,
      );
      expect(disposition).not.toMatch(/[\r\n]|\.\.\//);
      const rows = await auditRows("attachment.download");
      expect(rows.filter((r) => r.objectId === attachmentId && r.result === "ok")).toMatchObject([
        { actorRole: "applicant", objectType: "attachment" },
      ]);
    });

    it("answers another organization's applicant 404, exactly as for an id that does not exist", async () => {
      const other = await signedIn("applicant2");
      const foreign = await get(`/api/v1/attachments/${attachmentId}/download`, other);
      const missing = await get("/api/v1/attachments/00000000-0000-4000-8000-000000000000/download", other);
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      const strip = (body: string) => ({ ...JSON.parse(body), requestId: null });
      expect(strip(foreign.body)).toEqual(strip(missing.body));
      expect(foreign.body).not.toContain("PDF");
      expect(foreign.headers["content-disposition"]).toBeUndefined();
      const denied = (await auditRows("attachment.download")).filter(
        (r) => r.objectId === attachmentId && r.result === "denied",
      );
      expect(denied).toMatchObject([{ actorRole: "applicant", detail: { reason: "out-of-scope" } }]);
    });

    it("names the download by the detected type, with no bidi or control character, even for an old row", async () => {
      const applicant = await signedIn("applicant");
      const mine = await applicant.data<{ id: string; stage: string }[]>("query", "applications.listMine");
      const { id } = await applicant.data<{ id: string }>("mutation", "attachments.upload", {
        applicationId: mine.find((x) => x.stage === "draft")!.id,
        fileName: "申报材料\u202Efdp.html",
        contentBase64: pdf.toString("base64"),
      });
      const nameOf = async () => {
        const response = await get(`/api/v1/attachments/${id}/download`, applicant);
        expect(response.statusCode).toBe(200);
        return String(response.headers["content-disposition"]);
      };
      expect(await nameOf()).toBe(
        `attachment; filename="${id}.pdf"; filename*=UTF-8''${encodeURIComponent("申报材料fdp.pdf")}`,
      );
      // A row stored before the rule: corrected on the way out.
      await app.database.db
        .update(schema.attachments)
        .set({ displayName: "旧\u2067材料\u202E\u0085.html" })
        .where(eq(schema.attachments.id, id));
      expect(await nameOf()).toBe(
        `attachment; filename="${id}.pdf"; filename*=UTF-8''${encodeURIComponent("旧材料.pdf")}`,
      );
    });

    it("answers the recommender of the area 404 for an unsent draft's file, exactly as for a missing id", async () => {
      const applicant = await signedIn("applicant");
      const draft = await applicant.data<{ id: string }>("mutation", "applications.create", {
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        title: "湖南省草稿附件技术创新中心",
        recommenderAreaCode: "430200",
      });
      const { id } = await applicant.data<{ id: string }>("mutation", "attachments.upload", {
        applicationId: draft.id,
        fileName: "草稿.pdf",
        contentBase64: pdf.toString("base64"),
      });
      const recommender = await signedIn("recommender");
      const hidden = await get(`/api/v1/attachments/${id}/download`, recommender);
      const missing = await get(
        "/api/v1/attachments/00000000-0000-4000-8000-000000000000/download",
        recommender,
      );
      expect([hidden.statusCode, missing.statusCode]).toEqual([404, 404]);
      const strip = (body: string) => ({ ...JSON.parse(body), requestId: null });
      expect(strip(hidden.body)).toEqual(strip(missing.body));
      expect(hidden.headers["content-disposition"]).toBeUndefined();
      // Sent in, the file is the recommender's to read.
      await app.database.db
        .update(schema.applications)
        .set({ stage: "submitted" })
        .where(eq(schema.applications.id, draft.id));
      const seen = await get(`/api/v1/attachments/${id}/download`, recommender);
      expect(seen.statusCode).toBe(200);
      expect(seen.rawPayload.equals(pdf)).toBe(true);
    });

    it("serves an annual report's file by the report's scope: its platform, and reviewers once sent in", async () => {
      // applicant2 leads the demo Inner Mongolia platform (recommended by 150200), which owes its 2025 report.
      const owner = await signedIn("applicant2");
      const [me] = await app.database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.username, "applicant2"));
      const [platform] = await app.database.db
        .select()
        .from(schema.platforms)
        .where(eq(schema.platforms.leadOrgId, me!.organizationId!));
      const report = await owner.data<{ id: string }>("mutation", "annualReports.saveDraft", {
        platformId: platform!.id,
        yearCovered: 2025,
        content: { sections: {} },
      });
      const { id } = await owner.data<{ id: string }>("mutation", "attachments.upload", {
        annualReportId: report.id,
        fileName: "年度财务报表.pdf",
        contentBase64: pdf.toString("base64"),
      });
      const status = async (username: string) =>
        (await get(`/api/v1/attachments/${id}/download`, await signedIn(username))).statusCode;
      expect(await status("applicant2")).toBe(200);
      // Another organization, and the area's recommender while the report is a draft.
      expect([await status("applicant"), await status("recommender-nm")]).toEqual([404, 404]);
      await app.database.db
        .update(schema.annualReports)
        .set({ status: "submitted" })
        .where(eq(schema.annualReports.id, report.id));
      const seen = await get(`/api/v1/attachments/${id}/download`, await signedIn("recommender-nm"));
      expect(seen.statusCode).toBe(200);
      expect(seen.rawPayload.equals(pdf)).toBe(true);
      // Another area's recommender still learns nothing.
      expect(await status("recommender")).toBe(404);
    });

    it("answers anonymous 401 and an administrator 403, auditing the refusal", async () => {
      const anonymous = await get(`/api/v1/attachments/${attachmentId}/download`);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.body).not.toContain("PDF");
      const admin = await get(`/api/v1/attachments/${attachmentId}/download`, await signedIn("sysadmin"));
      expect(admin.statusCode).toBe(403);
      expect(await auditRows("call:attachments.download")).toMatchObject([
        { actorRole: "anonymous", result: "denied" },
        { actorRole: "system-admin", result: "denied" },
      ]);
    });
  });

  describe("GET /api/v1/exports/applications.csv", () => {
    const url = "/api/v1/exports/applications.csv";

    it("gives the authority every sent-in application as CSV, formulas neutralized, with an audit row", async () => {
      const sentIn = await app.database.db
        .select({ id: schema.applications.id })
        .from(schema.applications)
        .where(hunanSentIn)
        .limit(4);
      const formulas = ['=HYPERLINK("http://evil.example","点击")', "+1+2", "-3+4", "@SUM(A1:A9)"];
      for (const [i, title] of formulas.entries())
        await app.database.db
          .update(schema.applications)
          .set({ title })
          .where(eq(schema.applications.id, sentIn[i]!.id));
      const sent = sentIn[0];
      const expected = await app.database.db
        .select({ id: schema.applications.id })
        .from(schema.applications)
        .where(hunanSentIn);
      // Hunan's department exports Hunan's applications only: not Inner Mongolia's.
      const elsewhere = await app.database.db
        .select({ id: schema.applications.id })
        .from(schema.applications)
        .where(and(ne(schema.applications.stage, "draft"), ne(schema.applications.policyId, "hn-tic-2020")));
      expect(elsewhere.length).toBeGreaterThan(0);
      const drafts = await app.database.db
        .select({ id: schema.applications.id })
        .from(schema.applications)
        .where(eq(schema.applications.stage, "draft"));
      expect(drafts.length).toBeGreaterThan(0);

      const response = await get(url, await signedIn("authority"), "203.0.113.1");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.headers["content-disposition"]).toMatch(
        /^attachment; filename="applications-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''applications-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.body.startsWith("\uFEFF")).toBe(true);
      const lines = response.body.slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe(
        "id,policy,kind,title,organization,recommender_area,stage,version,created_at,updated_at",
      );
      expect(lines).toHaveLength(expected.length + 1);
      for (const { id } of expected) expect(response.body).toContain(id);
      for (const { id } of [...drafts, ...elsewhere]) expect(response.body).not.toContain(id);
      const forged = lines.find((l) => l.startsWith(sent!.id))!;
      expect(forged).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
      for (let i = 1; i < formulas.length; i++) {
        const line = lines.find((l) => l.startsWith(sentIn[i]!.id))!;
        expect(line.split(",")[3], formulas[i]).toBe(`'${formulas[i]}`);
      }
      expect(response.body).toContain("湖南湘瓷先进材料科技有限公司");

      expect(await auditRows("export.applications")).toMatchObject([
        { actorRole: "authority", result: "ok", detail: { rows: expected.length, format: "csv" } },
      ]);
    });

    it("refuses, and audits, every role but the authority (anonymous 401, others 403)", async () => {
      expect((await get(url, undefined, "203.0.113.2")).statusCode).toBe(401);
      const roles = ["applicant", "recommender", "expert", "sysadmin", "auditadmin"];
      for (const [i, username] of roles.entries()) {
        const response = await get(url, await signedIn(username), `203.0.113.${3 + i}`);
        expect(response.statusCode, username).toBe(403);
        expect(response.body).not.toContain("id,policy");
      }
      const denied = await app.database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.action, "call:exports.applications"), eq(schema.auditLog.result, "denied")),
        );
      expect(denied.map((r) => r.actorRole)).toEqual([
        "anonymous",
        "applicant",
        "recommender",
        "expert",
        "system-admin",
        "audit-admin",
      ]);
      // Refusals export nothing.
      expect(await auditRows("export.applications")).toHaveLength(1);
    });

    it("rate limits a burst per address with 429, through the route and the procedure alike", async () => {
      const authority = await signedIn("authority");
      const before = (await auditRows("export.applications")).length;
      const limit = defaultRateLimits.export; // RATE_EXPORT
      const statuses: number[] = [];
      for (let i = 0; i < limit; i++) statuses.push((await get(url, authority, "203.0.113.9")).statusCode);
      const overRoute = await get(url, authority, "203.0.113.9");
      const overProcedure = await get("/trpc/exports.applications", authority, "203.0.113.9");
      expect(statuses).toEqual(Array(limit).fill(200));
      expect(overRoute.statusCode).toBe(429);
      expect(overProcedure.statusCode).toBe(429);
      // Each export that was served has its audit row; the refused ones exported nothing.
      expect(await auditRows("export.applications")).toHaveLength(before + limit);
      expect((await get(url, authority, "203.0.113.10")).statusCode).toBe(200);
    });
  });
});
