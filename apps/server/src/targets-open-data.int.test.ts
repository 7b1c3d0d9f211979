import { inflateRawSync } from "node:zlib";
import { type DemoAccount, schema } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import type { TargetsReport } from "@kechuang/domain";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, errorOf, startTestApp, TrpcClient } from "./testing";

/**
 * Anshun's targets as open data (issue 11): GET /api/v1/targets/as-plat-2021 answers the 附件 table
 * (30 → 33 → 37 → 42) with the seeded recognitions counted, and moves when the city authority records a
 * provincial recognition, not a city one; the rows as CSV and Excel; the joint meeting's seats.
 */

/** One file of a zip (an .xlsx), read through the central directory: enough to see the workbook's strings. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + skip;
  }
  throw new Error(`${name} not in the zip`);
}

describe.each(testDatabases())("Anshun targets as open data on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  const anshun = () => new TrpcClient(app);
  let authorityAs: TrpcClient;
  let authorityHn: TrpcClient;

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { host: "localhost:3000", ...headers } });
  const report = async () => (await get("/api/v1/targets/as-plat-2021")).json() as TargetsReport;
  const actual = (r: TargetsReport, type: string, year: number) =>
    r.rows.find((row) => row.type === type && row.year === year)!.actual;
  const signIn = async (username: string) => {
    const a = account(accounts, username);
    const client = new TrpcClient(app);
    const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
    expect((await client.signIn(username, a.password, totp)).statusCode).toBe(200);
    return client;
  };

  beforeAll(async () => {
    ({ app, accounts } = await startTestApp(kind));
    authorityAs = await signIn("authority-as");
    authorityHn = await signIn("authority");
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it("answers the 附件 table with the seeded recognitions counted, as the procedure does", async () => {
    const response = await get("/api/v1/targets/as-plat-2021");
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toMatch(/^"/);
    expect(response.headers["last-modified"]).toBeTruthy();
    const body = response.json() as TargetsReport;
    expect(body.totals.map((t) => [t.year, t.target])).toEqual([
      [2020, 30],
      [2021, 33],
      [2022, 37],
      [2023, 42],
    ]);
    const erc = body.rows.find((r) => r.type === "engineering-research-center" && r.year === 2023)!;
    expect(erc).toMatchObject({
      target: 7,
      statedGrowthPct: 12,
      computedGrowthPct: 20.5,
      responsible: ["市发展改革委"],
      behind: true,
    });
    for (const key of [
      "type",
      "year",
      "target",
      "actual",
      "statedGrowthPct",
      "computedGrowthPct",
      "responsible",
    ])
      expect(Object.keys(erc)).toContain(key);
    // The demo: 工业设计中心 meets every year's target, 工程研究中心 is behind (1, 2, 2, 3 of 4, 5, 6, 7).
    expect([2020, 2021, 2022, 2023].map((y) => actual(body, "engineering-research-center", y))).toEqual([
      1, 2, 2, 3,
    ]);
    expect([2020, 2021, 2022, 2023].map((y) => actual(body, "industrial-design-center", y))).toEqual([
      2, 2, 3, 3,
    ]);
    expect(body.behindTypes).toContain("engineering-research-center");
    expect(body.behindTypes).not.toContain("industrial-design-center");
    // The seeded city recognition never counts.
    expect(actual(body, "engineering-technology-research-center", 2023)).toBe(0);
    expect(await anshun().data("query", "targets.report", { policyId: "as-plat-2021" })).toEqual(body);
    // Revalidation: the same copy is 304.
    const again = await get("/api/v1/targets/as-plat-2021", {
      "if-none-match": response.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
  });

  it("answers 404 in both languages for a policy without targets or an id that cannot be one", async () => {
    for (const url of [
      "/api/v1/targets/hn-tic-2020",
      "/api/v1/targets/nope",
      "/api/v1/targets/hn-tic-2020.csv",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      const error = (response.json() as { error: { zh: string; en: string } }).error;
      expect(error.zh.length, url).toBeGreaterThan(0);
      expect(error.en.length, url).toBeGreaterThan(0);
    }
  });

  it("moves the actual by one for a provincial recognition of an Anshun platform, not for a city one", async () => {
    const before = await get("/api/v1/targets/as-plat-2021");
    const platforms = await authorityAs.data<{ id: string; name: string }[]>("query", "targets.platforms", {
      policyId: "as-plat-2021",
    });
    const aviation = platforms.find((p) => p.name === "安顺市航空装备制造技术创新平台")!;
    const design = platforms.find((p) => p.name === "安顺西秀农产品加工工业设计中心")!;
    const ercBefore = actual(before.json() as TargetsReport, "engineering-research-center", 2023);

    // Another jurisdiction's authority cannot record for an Anshun platform: the 404 of a missing one.
    const input = {
      platformId: aviation.id,
      typeId: "engineering-research-center",
      tier: "provincial",
      recognizedOn: "2023-06-01",
      documentNumber: "黔发改高技〔2023〕77号",
    };
    expect((await authorityHn.call("mutation", "targets.recordRecognition", input)).statusCode).toBe(404);
    // A type that is not the module's, and a future day, are refused with a message in both languages.
    const unknownType = await authorityAs.call("mutation", "targets.recordRecognition", {
      ...input,
      typeId: "observatory",
    });
    expect(unknownType.statusCode).toBe(400);
    expect(errorOf(unknownType).data.localizedMessage?.zh).toContain("engineering-research-center");
    expect(errorOf(unknownType).data.localizedMessage?.en).toContain("Unknown platform type");
    const future = await authorityAs.call("mutation", "targets.recordRecognition", {
      ...input,
      recognizedOn: "2999-01-01",
    });
    expect(future.statusCode).toBe(400);

    const city = await authorityAs.data<{ recognitionId: string }>("mutation", "targets.recordRecognition", {
      ...input,
      platformId: design.id,
      tier: "city",
    });
    expect(actual(await report(), "engineering-research-center", 2023)).toBe(ercBefore);

    const recorded = await authorityAs.data<{ recognitionId: string }>(
      "mutation",
      "targets.recordRecognition",
      { ...input, idempotencyKey: "targets-open-data-1" },
    );
    // A retry with the same key is the same recognition.
    expect(
      await authorityAs.data("mutation", "targets.recordRecognition", {
        ...input,
        idempotencyKey: "targets-open-data-1",
      }),
    ).toEqual(recorded);
    const after = await get("/api/v1/targets/as-plat-2021");
    const body = after.json() as TargetsReport;
    expect(actual(body, "engineering-research-center", 2023)).toBe(ercBefore + 1);
    expect(actual(body, "engineering-research-center", 2022)).toBe(2);
    expect(body.totals.find((t) => t.year === 2023)!.actual).toBe(
      (before.json() as TargetsReport).totals.find((t) => t.year === 2023)!.actual + 1,
    );
    expect(after.headers.etag).not.toBe(before.headers.etag);

    // Audited, with the public event beside it; the platform's own list shows both recognitions.
    const db = app.database.db;
    const audits = await db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.action, "recognition.record"), eq(schema.auditLog.objectId, aviation.id)),
      );
    expect(audits).toHaveLength(1);
    const events = await db
      .select()
      .from(schema.platformEvents)
      .where(
        and(eq(schema.platformEvents.platformId, aviation.id), eq(schema.platformEvents.kind, "recognized")),
      );
    expect(events.map((e) => e.detail)).toEqual([
      { typeId: "engineering-research-center", tier: "provincial" },
    ]);
    const list = await authorityAs.data<{ id: string }[]>("query", "targets.recognitions", {
      platformId: design.id,
    });
    expect(list.map((r) => r.id)).toContain(city.recognitionId);
  });

  it("downloads the rows as CSV and Excel with Chinese headers", async () => {
    const csv = await get("/api/v1/targets/as-plat-2021.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers.etag).toMatch(/^W\//);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("平台类型,类型编号,年份,目标（累计）,实际（累计）");
    expect(lines).toHaveLength(1 + 5 * 4);
    expect(lines.find((l) => l.startsWith("工程研究中心,engineering-research-center,2023,7,"))).toContain(
      "12,20.5",
    );
    const xlsx = await get("/api/v1/targets/as-plat-2021.xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("attachment");
    const strings = zipEntry(xlsx.rawPayload, "xl/sharedStrings.xml");
    for (const header of ["平台类型", "目标（累计）", "按目标计算年均增速(%)", "责任单位"])
      expect(strings).toContain(header);
    expect(strings).toContain("工程研究中心");
  });

  it("seats the joint meeting: the public sees names and departments; only the city's authority changes them", async () => {
    const meeting = await anshun().data<{
      seats: { id: string; member: { name: string; department: string | null; since: string } | null }[];
    }>("query", "targets.jointMeeting", { policyId: "as-plat-2021" });
    expect(meeting.seats).toHaveLength(9);
    expect(meeting.seats.every((s) => s.member !== null)).toBe(true);
    const before = meeting.seats.find((s) => s.id === "member-2")!.member!;

    const input = {
      policyId: "as-plat-2021",
      seatId: "member-2",
      name: "冯新（演示）",
      department: "市发展改革委",
      since: "2024-03-01",
    };
    expect((await authorityHn.call("mutation", "targets.setJointMeetingMember", input)).statusCode).toBe(404);
    expect(
      (await authorityHn.call("query", "targets.jointMeetingHistory", { policyId: "as-plat-2021" }))
        .statusCode,
    ).toBe(404);
    const bad = await authorityAs.call("mutation", "targets.setJointMeetingMember", {
      ...input,
      seatId: "member-9",
    });
    expect(bad.statusCode).toBe(400);
    await authorityAs.data("mutation", "targets.setJointMeetingMember", input);

    const now = await anshun().data<typeof meeting>("query", "targets.jointMeeting", {
      policyId: "as-plat-2021",
    });
    expect(now.seats.find((s) => s.id === "member-2")!.member).toEqual({
      name: "冯新（演示）",
      department: "市发展改革委",
      since: "2024-03-01",
    });
    const history = await authorityAs.data<{ seatId: string; name: string; until: string | null }[]>(
      "query",
      "targets.jointMeetingHistory",
      { policyId: "as-plat-2021" },
    );
    expect(history.filter((h) => h.seatId === "member-2")).toEqual([
      expect.objectContaining({ name: before.name, until: "2024-03-01" }),
      expect.objectContaining({ name: "冯新（演示）", until: null }),
    ]);
    // A start not after the current member's is refused.
    expect(
      (await authorityAs.call("mutation", "targets.setJointMeetingMember", { ...input, since: "2024-02-01" }))
        .statusCode,
    ).toBe(400);
  });
});
