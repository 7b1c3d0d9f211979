import { type DemoAccount, schema } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import { type DirectoryItem, type DirectoryPage, directoryQuerySchema } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRateLimits } from "./env";
import { startTestApp, TrpcClient } from "./testing";

/**
 * The open data over REST (issue 12): the directory and one platform, the directory as files with the same
 * filters, HTTP validators that change when the public data does, and an OpenAPI document that lists every
 * /api route the app registers.
 */

/** Enough rows of one field that a download needs more than one page of the procedure (pages of 100). */
const BULK_FIELD = "开放数据测试领域";
const BULK_ROWS = 130;

describe.each(testDatabases())("open data REST API on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  let leadOrgId: string;
  let address = 0;
  // Each test its own address: the downloads' per-address budget is under test in one place only.
  const nextAddress = () => `203.0.113.${++address}`;

  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = nextAddress()) =>
    app.inject({ method: "GET", url, headers: { host: "localhost:3000", ...headers }, remoteAddress });

  /** Approval as the workflow writes it: the platform and its public `approved` event, one transaction. */
  const approve = async (name: string, fields: string[], approvedOn = "2026-01-15") =>
    app.database.db.transaction(async (tx) => {
      const [platform] = await tx
        .insert(schema.platforms)
        .values({
          policyId: "hn-tic-2020",
          kind: "tech-innovation-center",
          name,
          leadOrgId,
          jurisdiction: "430000",
          approvedOn,
          fields,
        })
        .returning({ id: schema.platforms.id });
      await tx
        .insert(schema.platformEvents)
        .values({ platformId: platform!.id, kind: "approved", occurredOn: approvedOn });
      return platform!.id;
    });

  /** Revocation's public side: the status, the day, and the `revoked` event, one transaction. */
  const revoke = async (platformId: string, revokedOn = "2026-06-30") =>
    app.database.db.transaction(async (tx) => {
      await tx
        .update(schema.platforms)
        .set({ status: "delisted", revokedOn })
        .where(eq(schema.platforms.id, platformId));
      await tx.insert(schema.platformEvents).values({ platformId, kind: "revoked", occurredOn: revokedOn });
    });

  beforeAll(async () => {
    ({ app, accounts } = await startTestApp(kind));
    expect(accounts.length).toBeGreaterThan(0);
    const [applicant] = await app.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "applicant"));
    leadOrgId = applicant!.organizationId!;
    await app.database.db.insert(schema.platforms).values(
      Array.from({ length: BULK_ROWS }, (_, i) => ({
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        name:
          i === 0
            ? "=HYPERLINK(“x”) 开放数据公式测试中心"
            : `开放数据批量测试中心 ${String(i).padStart(3, "0")}`,
        leadOrgId,
        jurisdiction: "430000",
        approvedOn: `2024-0${(i % 9) + 1}-1${i % 10}`,
        fields: [BULK_FIELD],
      })),
    );
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  describe("GET /api/v1/platforms", () => {
    it("answers the same page as the tRPC procedure, with the filters applied", async () => {
      const response = await get("/api/v1/platforms?kind=tech-innovation-center&pageSize=5&page=2");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      const page = response.json() as DirectoryPage;
      expect(page).toMatchObject({ page: 2, pageSize: 5 });
      expect(page.items).toHaveLength(5);
      expect(page.items.every((item) => item.kind === "tech-innovation-center")).toBe(true);
      const viaTrpc = await new TrpcClient(app).data<DirectoryPage>("query", "platforms.directory", {
        kind: "tech-innovation-center",
        pageSize: 5,
        page: 2,
      });
      expect(page).toEqual(viaTrpc);
      // Defaults as in the schema.
      const first = (await get("/api/v1/platforms")).json() as DirectoryPage;
      expect(first).toMatchObject({ page: 1, pageSize: 20 });
      expect(first.total).toBeGreaterThanOrEqual(BULK_ROWS + 9);
    });

    it.each([
      ["pageSize=1000", "pageSize"],
      ["page=0", "page"],
      ["kind=foo", "kind"],
      ["year=abc", "year"],
      ["jurisdiction=43", "jurisdiction"],
    ])("refuses %s with 400, the zod issues and a message in both languages", async (query, key) => {
      const response = await get(`/api/v1/platforms?${query}`);
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.error).toEqual({ zh: "输入不符合要求", en: "The input is not valid" });
      expect(body.issues.map((issue: { path: string[] }) => issue.path[0])).toContain(key);
      expect(body.requestId).toBeTruthy();
    });

    it("refuses unknown query keys by name instead of ignoring them", async () => {
      const response = await get("/api/v1/platforms?kind=tech-innovation-center&knd=x&sortt=name");
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.error.en).toBe("Unknown query parameters: knd, sortt");
      expect(body.error.zh).toBe("不支持的查询参数：knd、sortt");
      expect(body.issues[0].code).toBe("unrecognized_keys");
      // The schema's own keys are all accepted.
      const keys = Object.keys(directoryQuerySchema.shape);
      expect(keys).toEqual(
        expect.arrayContaining(["q", "jurisdiction", "field", "formationMode", "status", "year", "sort"]),
      );
      const all =
        "q=中心&jurisdiction=430000&kind=tech-innovation-center&category=domain&field=x&formationMode=academia-led&status=approved&year=2024&sort=name&page=1&pageSize=10";
      expect(new URLSearchParams(all).size).toBe(keys.length);
      expect((await get(`/api/v1/platforms?${all}`)).statusCode).toBe(200);
    });
  });

  describe("GET /api/v1/platforms/{id}", () => {
    it("answers the portal's public platform, and 404 for an unknown or malformed id", async () => {
      const { items } = (await get("/api/v1/platforms?pageSize=1")).json() as DirectoryPage;
      const id = items[0]!.id;
      const response = await get(`/api/v1/platforms/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(
        await new TrpcClient(app).data("query", "platforms.get", { platformId: id }),
      );
      for (const unknown of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
        const missing = await get(`/api/v1/platforms/${unknown}`);
        expect(missing.statusCode).toBe(404);
        expect(missing.json().error).toEqual({ zh: "未找到该平台", en: "No such platform" });
        expect(missing.headers.etag).toBeUndefined();
        expect(missing.headers["cache-control"]).toBe("no-store");
      }
    });
  });

  describe("downloads with the directory's filters", () => {
    it("serves every matching row as CSV: BOM, Chinese headers, formulas neutralized, dated file name", async () => {
      const response = await get(`/api/v1/platforms.csv?field=${encodeURIComponent(BULK_FIELD)}&sort=name`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
      const disposition = String(response.headers["content-disposition"]);
      expect(disposition).toMatch(
        /^attachment; filename="platforms-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/,
      );
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
        /^科创平台名录-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const text = response.body;
      expect(text.startsWith("\uFEFF")).toBe(true);
      const lines = text.slice(1).trimEnd().split("\r\n");
      const header = lines[0]!.split(",");
      expect(header).toEqual(
        expect.arrayContaining([
          "名称",
          "地区",
          "类型",
          "牵头单位",
          "重点领域",
          "批准日期",
          "状态",
          "撤销日期",
        ]),
      );
      // More rows than one page of the procedure: every one, once, in the requested order.
      expect(lines).toHaveLength(BULK_ROWS + 1);
      const names = lines.slice(1).map((line) => line.split(",")[0]!.replace(/^"|"$/g, ""));
      expect(new Set(names).size).toBe(BULK_ROWS);
      expect(names.filter((n) => n.startsWith("开放数据批量测试中心"))).toEqual(
        names.filter((n) => n.startsWith("开放数据批量测试中心")).sort(),
      );
      expect(names).toContain("'=HYPERLINK(“x”) 开放数据公式测试中心");
      expect(lines[1]).toContain("湖南省");
      expect(lines[1]).toContain("技术创新中心");
      expect(lines[1]).toContain("在册");
    });

    it("serves the same rows as JSON, and the workbook as XLSX", async () => {
      const query = `field=${encodeURIComponent(BULK_FIELD)}`;
      const response = await get(`/api/v1/platforms.json?${query}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      const body = response.json() as { items: DirectoryItem[]; total: number };
      expect(body.total).toBe(BULK_ROWS);
      expect(new Set(body.items.map((item) => item.id)).size).toBe(BULK_ROWS);
      // The same rows the paged directory gives.
      const paged: DirectoryItem[] = [];
      for (let page = 1; paged.length < BULK_ROWS; page++)
        paged.push(
          ...((await get(`/api/v1/platforms?${query}&pageSize=100&page=${page}`)).json() as DirectoryPage)
            .items,
        );
      expect(body.items).toEqual(paged);

      const workbook = await get(`/api/v1/platforms.xlsx?${query}`);
      expect(workbook.statusCode).toBe(200);
      expect(workbook.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(workbook.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
      expect(workbook.rawPayload.length).toBeGreaterThan(BULK_ROWS * 20);
    });

    it("answers HEAD with the download's headers and validator, without a body", async () => {
      const url = `/api/v1/platforms.csv?field=${encodeURIComponent(BULK_FIELD)}`;
      const head = await app.inject({ method: "HEAD", url, headers: { host: "localhost:3000" } });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe("");
      expect(head.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(head.headers.etag).toBe((await get(url)).headers.etag);
    });

    it("validates the query like the directory, without paging keys", async () => {
      const paging = await get("/api/v1/platforms.csv?page=2");
      expect(paging.statusCode).toBe(400);
      expect(paging.json().error.en).toBe("Unknown query parameter: page");
      const bad = await get("/api/v1/platforms.json?kind=foo");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(["kind"]);
    });

    it("limits downloads per address (generously), other addresses unaffected", async () => {
      const from = "198.51.100.77";
      const statuses: number[] = [];
      for (let i = 0; i <= defaultRateLimits.publicDownload; i++)
        statuses.push((await get("/api/v1/platforms.json?field=none-such", {}, from)).statusCode);
      expect(statuses.slice(0, defaultRateLimits.publicDownload).every((s) => s === 200)).toBe(true);
      const refused = await get("/api/v1/platforms.json?field=none-such", {}, from);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(refused.json().error.zh).toBe("下载过于频繁，请稍后再试");
      expect((await get("/api/v1/platforms.json?field=none-such", {}, "198.51.100.78")).statusCode).toBe(200);
      // The directory itself is not counted against downloads.
      expect((await get("/api/v1/platforms?pageSize=1", {}, from)).statusCode).toBe(200);
    });
  });

  describe("HTTP caching", () => {
    const publicGets = [
      "/api/v1/policies",
      "/api/openapi.json",
      "/api/v1/platforms?kind=tech-innovation-center",
      "/api/v1/platforms.csv?kind=tech-innovation-center",
      "/api/v1/platforms.xlsx?kind=tech-innovation-center",
      "/api/v1/platforms.json?kind=tech-innovation-center",
    ];

    it.each(publicGets)(
      "%s: validators, public no-cache, 304 on If-None-Match and If-Modified-Since",
      async (url) => {
        const first = await get(url);
        expect(first.statusCode).toBe(200);
        const etag = String(first.headers.etag);
        expect(etag).toMatch(
          url.includes(".csv") || url.includes(".xlsx") || url.includes(".json?") ? /^W\/"/ : /^"/,
        );
        expect(first.headers["cache-control"]).toBe("public, no-cache");
        const lastModified = String(first.headers["last-modified"]);
        expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());

        const again = await get(url, { "if-none-match": etag });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe("");
        expect(again.headers.etag).toBe(etag);
        expect(again.headers["cache-control"]).toBe("public, no-cache");
        expect((await get(url, { "if-none-match": `"other", ${etag}` })).statusCode).toBe(304);
        expect((await get(url, { "if-none-match": '"other"' })).statusCode).toBe(200);

        expect((await get(url, { "if-modified-since": lastModified })).statusCode).toBe(304);
        const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
        expect((await get(url, { "if-modified-since": before })).statusCode).toBe(200);
        // If-None-Match decides when both are sent.
        expect(
          (await get(url, { "if-none-match": '"other"', "if-modified-since": lastModified })).statusCode,
        ).toBe(200);
      },
    );

    it("the same body gives the same strong ETag (a hash of the body)", async () => {
      const a = await get("/api/v1/platforms?sort=name&pageSize=3");
      const b = await get("/api/v1/platforms?sort=name&pageSize=3");
      expect(a.headers.etag).toBe(b.headers.etag);
      expect(a.body).toBe(b.body);
      const c = await get("/api/v1/platforms?sort=name&pageSize=4");
      expect(c.headers.etag).not.toBe(a.headers.etag);
    });

    it("a new approval, then a revocation, change ETag, Last-Modified and body", async () => {
      // Filtered to the field the new platform has: the page must hold it for its revocation to show.
      const list = `/api/v1/platforms?jurisdiction=430000&field=${encodeURIComponent("缓存测试")}`;
      const download = "/api/v1/platforms.json?kind=tech-innovation-center&jurisdiction=430000";
      const first = await get(list);
      const firstFile = await get(download);
      const etag = String(first.headers.etag);
      const fileTag = String(firstFile.headers.etag);
      expect((await get(list, { "if-none-match": etag })).statusCode).toBe(304);
      expect((await get(download, { "if-none-match": fileTag })).statusCode).toBe(304);

      // Back-dated on purpose: only the event's recording time tells that the data changed now.
      const id = await approve("开放数据缓存测试中心", ["缓存测试"], "2020-01-01");
      const approved = await get(list, { "if-none-match": etag });
      expect(approved.statusCode).toBe(200);
      expect(approved.headers.etag).not.toBe(etag);
      expect((approved.json() as DirectoryPage).total).toBe((first.json() as DirectoryPage).total + 1);
      expect(Date.parse(String(approved.headers["last-modified"]))).toBeGreaterThanOrEqual(
        Date.parse(String(first.headers["last-modified"])),
      );
      const approvedFile = await get(download, { "if-none-match": fileTag });
      expect(approvedFile.statusCode).toBe(200);
      expect(approvedFile.headers.etag).not.toBe(fileTag);
      expect(approvedFile.body).toContain(id);

      const page = await get(`/api/v1/platforms/${id}`);
      expect(page.statusCode).toBe(200);
      const pageTag = String(page.headers.etag);
      expect((await get(`/api/v1/platforms/${id}`, { "if-none-match": pageTag })).statusCode).toBe(304);

      await revoke(id);
      const revoked = await get(list, { "if-none-match": String(approved.headers.etag) });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.headers.etag).not.toBe(approved.headers.etag);
      const item = (revoked.json() as DirectoryPage).items.find((i) => i.id === id)!;
      expect(item).toMatchObject({ status: "revoked", revokedOn: "2026-06-30" });
      const revokedPage = await get(`/api/v1/platforms/${id}`, { "if-none-match": pageTag });
      expect(revokedPage.statusCode).toBe(200);
      expect(revokedPage.headers.etag).not.toBe(pageTag);
      expect(revokedPage.body).not.toBe(page.body);
      const revokedFile = await get(download, { "if-none-match": String(approvedFile.headers.etag) });
      expect(revokedFile.statusCode).toBe(200);
      expect(revokedFile.body).not.toBe(approvedFile.body);
    });
  });

  describe("OpenAPI", () => {
    it("documents every /api route the app registers, with its methods", async () => {
      const response = await get("/api/openapi.json");
      const document = response.json() as { paths: Record<string, Record<string, unknown>> };
      const routes = app.routeKeys
        .map((key) => key.split(" ") as [string, string])
        .filter(([method, url]) => url.startsWith("/api/") && method !== "HEAD");
      expect(routes.length).toBeGreaterThanOrEqual(17);
      const missing = routes.filter(
        ([method, url]) => !document.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()],
      );
      expect(missing).toEqual([]);
      // And nothing documented that the app does not serve.
      const served = new Set(routes.map(([method, url]) => `${method} ${url.replace(/:(\w+)/g, "{$1}")}`));
      const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.filter((key) => !served.has(key))).toEqual([]);
    });

    it("derives the parameters from the zod schemas that validate them", async () => {
      const document = (await get("/api/openapi.json")).json();
      const list = document.paths["/api/v1/platforms"].get;
      const names = list.parameters
        .filter((p: { in: string }) => p.in === "query")
        .map((p: { name: string }) => p.name);
      expect(names).toEqual(Object.keys(directoryQuerySchema.shape));
      const pageSize = list.parameters.find((p: { name: string }) => p.name === "pageSize");
      expect(pageSize.schema).toMatchObject({ maximum: 100, minimum: 1, default: 20 });
      const csv = document.paths["/api/v1/platforms.csv"].get;
      expect(csv.parameters.map((p: { name?: string }) => p.name)).not.toContain("page");
      expect(Object.keys(csv.responses["200"].content)).toEqual(["text/csv; charset=utf-8"]);
      const annual = document.paths["/api/v1/exports/annual-reports.xlsx"].get;
      expect(annual.security).toEqual([{ session: [] }]);
      expect(annual.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(["policyId", "yearCovered", "status", "locale"]),
      );
    });
  });
});
