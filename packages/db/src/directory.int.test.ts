import { type DirectoryQuery, type DirectoryQueryInput, directoryQuerySchema } from "@kechuang/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { generatePlatforms } from "./generator/platforms";
import {
  backfillPlatformSearch,
  directoryFacets,
  directoryMatchIds,
  listApprovedPlatforms,
  searchPlatformDirectory,
} from "./repositories/platforms";
import { organizations, platforms } from "./schema";
import { platformSearchColumns } from "./search/grams";
import { createTestDatabase, testDatabases } from "./testing";

const query = (input: DirectoryQueryInput): DirectoryQuery => directoryQuerySchema.parse(input);
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * The independent reference for the indexed search: each row's name, lead unit, fields and summary,
 * lowercased by PostgreSQL and joined by a newline (which no trimmed query contains, as in the search's
 * document), built once from the raw columns without search_text or search_grams; `scanIds` then finds
 * matches by a sequential scan with position().
 */
async function buildReference(database: Database): Promise<void> {
  await database.db.execute(sql`
    create table reference_documents as
    select p.id, lower(
      p.name || E'\n' || o.name || E'\n'
      || coalesce((select string_agg(f, E'\n') from jsonb_array_elements_text(p.fields) f), '')
      || E'\n' || coalesce(p.summary, '')) as document
    from platforms p join organizations o on o.id = p.lead_org_id`);
}

async function scanIds(database: Database, q: string): Promise<string[]> {
  const result = await database.db.execute(
    sql`select id from reference_documents where position(lower(${q}) in document) > 0`,
  );
  return rowsOf<{ id: string }>(result)
    .map((row) => row.id)
    .sort();
}

const COUNT = 100_000;

/** Two-character Chinese words (where pg_trgm cannot help), single characters, English, mixed, misses. */
const QUERIES = [
  "电池",
  "芯片",
  "医药",
  "稀土",
  "新能源",
  "人工智能",
  "中南大学",
  "集团有限公司",
  "电",
  "芯",
  "中",
  "湘",
  "i",
  "battery",
  "Rare Earth",
  "AI",
  "lab",
  "partners开展",
  "Chip技术创新",
  "长沙电池",
  "量子计算",
  "池电",
  "电池中心",
  "zzzz",
  "电池电池",
];

describe.each(testDatabases())("directory search over 100,000 platforms on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const started = performance.now();
    const ids = await generatePlatforms(database.db, { count: COUNT, seed: 12 });
    await database.db.execute(sql`analyze platforms`);
    console.info(
      `${kind}: ${ids.length} platforms generated in ${Math.round(performance.now() - started)} ms`,
    );
    await buildReference(database);
  }, 240_000);
  afterAll(async () => {
    await database?.close();
  });

  it("finds exactly the rows a sequential scan finds, for every query", async () => {
    const started = performance.now();
    for (const q of QUERIES) {
      const t = performance.now();
      const expected = await scanIds(database, q);
      const found = (await directoryMatchIds(database.db, query({ q }))).sort();
      expect(found.length, q).toBe(expected.length);
      expect(found, q).toEqual(expected);
      const { total } = await searchPlatformDirectory(database.db, query({ q }));
      expect(total, q).toBe(expected.length);
      console.info(`${kind}: "${q}" ${expected.length} matches, ${Math.round(performance.now() - t)} ms`);
    }
    // The queries are meant to cover both: many matches and none.
    expect((await scanIds(database, "电池")).length).toBeGreaterThan(1000);
    expect(await scanIds(database, "量子计算")).toEqual([]);
    console.info(
      `${kind}: ${QUERIES.length} queries checked in ${Math.round(performance.now() - started)} ms`,
    );
  }, 120_000);

  it("drops the rows whose grams all occur, but apart", async () => {
    // "电池中心": 电池, 池中 (动力电池中试) and 中心 occur in many rows, the phrase itself in none.
    const candidates = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from platforms where search_grams @> array['电池', '池中', '中心']::text[]`,
      ),
    )[0]!.n;
    expect(candidates).toBeGreaterThan(0);
    const found = await directoryMatchIds(database.db, query({ q: "电池中心" }));
    expect(found).toEqual(await scanIds(database, "电池中心"));
    expect(found.length).toBeLessThan(candidates);
  });

  it("answers a selective query from the gram index", async () => {
    const explain = rowsOf<Record<string, string>>(
      await database.db.execute(sql`explain select id from platforms
        where search_grams @> array['稀土', '土永', '永磁']::text[]`),
    )
      .map((row) => Object.values(row).join(" "))
      .join("\n");
    expect(explain).toContain("platforms_search_grams_idx");
  });

  it("pages without gaps or repeats, to the last page", async () => {
    for (const sort of ["approved-desc", "approved-asc", "name"] as const) {
      const first = await searchPlatformDirectory(database.db, query({ q: "电池", sort, pageSize: 20 }));
      const second = await searchPlatformDirectory(
        database.db,
        query({ q: "电池", sort, page: 2, pageSize: 20 }),
      );
      const both = await searchPlatformDirectory(database.db, query({ q: "电池", sort, pageSize: 40 }));
      expect(
        [...first.rows, ...second.rows].map((r) => r.id),
        sort,
      ).toEqual(both.rows.map((r) => r.id));
      const total = first.total;
      const lastPage = Math.ceil(total / 100);
      const last = await searchPlatformDirectory(
        database.db,
        query({ q: "电池", sort, page: lastPage, pageSize: 100 }),
      );
      expect(last.total).toBe(total);
      expect(last.rows).toHaveLength(total - (lastPage - 1) * 100);
      const all = await directoryMatchIds(database.db, query({ q: "电池", sort }));
      expect(last.rows.map((r) => r.id)).toEqual(all.slice((lastPage - 1) * 100));
      const beyond = await searchPlatformDirectory(
        database.db,
        query({ q: "电池", sort, page: lastPage + 1, pageSize: 100 }),
      );
      expect(beyond).toEqual({ rows: [], total });
    }
  });

  it("orders by approval day or name, ties broken by id", async () => {
    const { rows } = await searchPlatformDirectory(database.db, query({ pageSize: 100 }));
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.approvedOn > b.approvedOn || (a.approvedOn === b.approvedOn && a.id > b.id)).toBe(true);
    }
    const byName = await searchPlatformDirectory(
      database.db,
      query({ sort: "name", pageSize: 100, page: 300 }),
    );
    for (let i = 1; i < byName.rows.length; i++) {
      const [a, b] = [byName.rows[i - 1]!, byName.rows[i]!];
      expect(a.name < b.name || (a.name === b.name && a.id < b.id), `${a.name} ${b.name}`).toBe(true);
    }
  });
});

describe.each(testDatabases())("directory filters on %s", (kind) => {
  let database: Database;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [org] = await database.db
      .insert(organizations)
      .values({ name: "中南大学", creditCode: "12430000MB0000001X", type: "university", areaCode: "430100" })
      .returning({ id: organizations.id });
    const rows = [
      {
        key: "hnBattery",
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        jurisdiction: "430000",
        name: "湖南省先进电池材料技术创新中心",
        approvedOn: "2021-03-01",
        fields: ["新能源", "新材料"],
        status: "active",
        category: "domain",
        formationMode: "academia-led",
        summary: "围绕动力电池开展攻关。",
      },
      {
        key: "hnChip",
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        jurisdiction: "430000",
        name: "湖南省功率芯片技术创新中心",
        approvedOn: "2022-05-10",
        fields: ["集成电路装备"],
        status: "rectifying",
        category: "comprehensive",
        formationMode: "leading-enterprise",
        summary: null,
      },
      {
        key: "scZone",
        policyId: "sc-zone-2018",
        kind: "transfer-demonstration-zone",
        jurisdiction: "510000",
        name: "成都市科技成果转移转化示范区",
        approvedOn: "2018-12-20",
        fields: ["电子信息", "生物医药"],
        status: "delisted",
        revokedOn: "2024-06-01",
        category: null,
        formationMode: null,
        summary: null,
      },
      {
        key: "asPool",
        policyId: "as-plat-2021",
        kind: "city-platform",
        jurisdiction: "520400",
        name: "安顺市航空装备制造技术创新平台",
        approvedOn: "2022-01-01",
        fields: ["新型工业化"],
        status: "cultivating",
        category: null,
        formationMode: null,
        summary: null,
      },
      {
        key: "nmEarlier",
        policyId: "nm-tic-2020",
        kind: "tech-innovation-center",
        jurisdiction: "150000",
        name: "内蒙古自治区稀土新材料技术创新中心",
        approvedOn: "2021-12-31",
        fields: ["新材料"],
        status: "active",
        category: null,
        formationMode: "enterprise-alliance",
        summary: null,
      },
    ] as const;
    for (const { key, ...row } of rows) {
      const [inserted] = await database.db
        .insert(platforms)
        .values({
          ...row,
          fields: [...row.fields],
          leadOrgId: org!.id,
          ...platformSearchColumns({
            name: row.name,
            leadUnitName: "中南大学",
            fields: row.fields,
            summary: row.summary,
          }),
        })
        .returning({ id: platforms.id });
      ids[key] = inserted!.id;
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const found = async (input: DirectoryQueryInput) =>
    (await searchPlatformDirectory(database.db, query({ ...input, sort: "name" }))).rows
      .map((r) => r.id)
      .sort();
  const idsOf = (...keys: string[]) => keys.map((key) => ids[key]!).sort();

  it("filters by jurisdiction, kind, category, field and formation mode", async () => {
    expect(await found({ jurisdiction: "430000" })).toEqual(idsOf("hnBattery", "hnChip"));
    expect(await found({ kind: "transfer-demonstration-zone" })).toEqual(idsOf("scZone"));
    expect(await found({ category: "domain" })).toEqual(idsOf("hnBattery"));
    expect(await found({ field: "新材料" })).toEqual(idsOf("hnBattery", "nmEarlier"));
    // An exact element, not a substring of one.
    expect(await found({ field: "材料" })).toEqual([]);
    expect(await found({ formationMode: "leading-enterprise" })).toEqual(idsOf("hnChip"));
  });

  it("maps the public statuses onto the stored ones", async () => {
    expect(await found({ status: "approved" })).toEqual(idsOf("hnBattery", "hnChip", "nmEarlier"));
    expect(await found({ status: "cultivating" })).toEqual(idsOf("asPool"));
    expect(await found({ status: "revoked" })).toEqual(idsOf("scZone"));
  });

  it("filters by the calendar year of approval, both ends included", async () => {
    expect(await found({ year: 2021 })).toEqual(idsOf("hnBattery", "nmEarlier"));
    expect(await found({ year: 2022 })).toEqual(idsOf("hnChip", "asPool"));
    expect(await found({ year: 2019 })).toEqual([]);
  });

  it("combines text and filters, over the summary and the lead unit too", async () => {
    expect(await found({ q: "动力电池" })).toEqual(idsOf("hnBattery"));
    expect(await found({ q: "中南", jurisdiction: "150000" })).toEqual(idsOf("nmEarlier"));
    expect(await found({ q: "芯片", status: "revoked" })).toEqual([]);
    // A blank query is no text filter.
    expect(await found({ q: "   " })).toHaveLength(5);
  });

  it("leaves cultivation-pool entries out of the register of approved platforms", async () => {
    const register = await listApprovedPlatforms(database.db);
    expect(register.map((p) => p.id).sort()).toEqual(idsOf("hnBattery", "hnChip", "scZone", "nmEarlier"));
  });

  it("offers the filter options present, with counts", async () => {
    const facets = await directoryFacets(database.db);
    expect(facets.jurisdictions).toEqual([
      { code: "150000", count: 1 },
      { code: "430000", count: 2 },
      { code: "510000", count: 1 },
      { code: "520400", count: 1 },
    ]);
    expect(facets.fields[0]).toEqual({ value: "新材料", count: 2 });
    expect(facets.fields).toHaveLength(6);
    expect(facets.years).toEqual([
      { value: 2022, count: 2 },
      { value: 2021, count: 2 },
      { value: 2018, count: 1 },
    ]);
    expect(facets.statuses).toEqual([
      { value: "approved", count: 3 },
      { value: "cultivating", count: 1 },
      { value: "revoked", count: 1 },
    ]);
    expect(facets.categories).toEqual([
      { value: "comprehensive", count: 1 },
      { value: "domain", count: 1 },
    ]);
    expect(facets.kinds.map((k) => k.value)).toEqual([
      "city-platform",
      "tech-innovation-center",
      "transfer-demonstration-zone",
    ]);
  });

  it("fills the search document of rows written before it existed, once", async () => {
    await database.db
      .update(platforms)
      .set({ searchText: "", searchGrams: [] })
      .where(eq(platforms.id, ids.hnChip!));
    expect(await found({ q: "功率" })).toEqual([]);
    expect(await backfillPlatformSearch(database.db)).toBe(1);
    expect(await found({ q: "功率" })).toEqual(idsOf("hnChip"));
    expect(await backfillPlatformSearch(database.db)).toBe(0);
  });
});
