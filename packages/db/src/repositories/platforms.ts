import type { DirectoryQuery, DirectoryStatus, FormationMode, PlatformKind } from "@kechuang/domain";
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { delistings, organizations, platformEvents, platforms, publicityNotices } from "../schema";
import { platformSearchColumns, searchPattern } from "../search/grams";

export type PlatformStatus = (typeof platforms.$inferSelect)["status"];

export interface ApprovedPlatformRow {
  id: string;
  name: string;
  kind: string;
  policyId: string;
  jurisdiction: string;
  leadUnitName: string;
  approvedOn: string;
  fields: string[];
  status: PlatformStatus;
  /** Set for a revoked (delisted) platform: the day of the decision. */
  revokedOn: string | null;
  /** The delisting's grounds (module ground ids), for a revoked platform. */
  groundIds: string[] | null;
  /** The clause the revocation cited when it was decided (kept even if the module changes later). */
  delistingRuleId: string | null;
}

const publicColumns = {
  id: platforms.id,
  name: platforms.name,
  kind: platforms.kind,
  policyId: platforms.policyId,
  jurisdiction: platforms.jurisdiction,
  leadUnitName: organizations.name,
  approvedOn: platforms.approvedOn,
  fields: platforms.fields,
  status: platforms.status,
  revokedOn: platforms.revokedOn,
  groundIds: delistings.groundIds,
  delistingRuleId: delistings.ruleId,
};

/**
 * The public register: every approved platform, revoked ones included (a revocation is public and nothing
 * is deleted: issue 10), oldest approval first within each policy. A cultivation-pool entry is not an
 * approved platform and is left out (issue 11); the directory lists it with its own status.
 */
export async function listApprovedPlatforms(
  db: Executor,
  filter: { policyId?: string; kind?: PlatformKind } = {},
): Promise<ApprovedPlatformRow[]> {
  const conditions: SQL[] = [ne(platforms.status, "cultivating")];
  if (filter.policyId) conditions.push(eq(platforms.policyId, filter.policyId));
  if (filter.kind) conditions.push(eq(platforms.kind, filter.kind));
  return db
    .select(publicColumns)
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .leftJoin(delistings, eq(delistings.platformId, platforms.id))
    .where(and(...conditions))
    .orderBy(asc(platforms.policyId), asc(platforms.approvedOn), asc(platforms.name));
}

/** One platform's public record, or null. */
export async function findPublicPlatform(
  db: Executor,
  platformId: string,
): Promise<ApprovedPlatformRow | null> {
  const [row] = await db
    .select(publicColumns)
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .leftJoin(delistings, eq(delistings.platformId, platforms.id))
    .where(eq(platforms.id, platformId));
  return row ?? null;
}

export interface PlatformEventRow {
  kind: (typeof platformEvents.$inferSelect)["kind"];
  occurredOn: string;
  detail: Record<string, unknown>;
  ruleId: string | null;
}

/** A platform's public events in the order they happened (same day: the order they were recorded). */
export async function listPlatformEvents(db: Executor, platformId: string): Promise<PlatformEventRow[]> {
  return db
    .select({
      kind: platformEvents.kind,
      occurredOn: platformEvents.occurredOn,
      detail: platformEvents.detail,
      ruleId: platformEvents.ruleId,
    })
    .from(platformEvents)
    .where(eq(platformEvents.platformId, platformId))
    .orderBy(asc(platformEvents.occurredOn), asc(platformEvents.id));
}

/* ---------- the public directory (issue 12) ---------- */

export type PlatformCategory = NonNullable<(typeof platforms.$inferSelect)["category"]>;

export interface DirectoryRow {
  id: string;
  name: string;
  kind: string;
  policyId: string;
  jurisdiction: string;
  leadUnitName: string;
  category: PlatformCategory | null;
  formationMode: FormationMode | null;
  fields: string[];
  summary: string | null;
  approvedOn: string;
  status: PlatformStatus;
  revokedOn: string | null;
}

/** The stored statuses behind each public one. */
const STATUSES_OF: Record<DirectoryStatus, PlatformStatus[]> = {
  approved: ["active", "rectifying"],
  cultivating: ["cultivating"],
  revoked: ["delisted"],
};

export function directoryStatusOf(status: PlatformStatus): DirectoryStatus {
  if (status === "cultivating") return "cultivating";
  return status === "delisted" ? "revoked" : "approved";
}

/** Text search: GIN-indexed gram containment, then the exact substring recheck (search/grams.ts). */
function textCondition(q: string | undefined): SQL | undefined {
  const pattern = q === undefined ? null : searchPattern(q);
  if (!pattern) return undefined;
  // One bound parameter per gram: both drivers take text params, whatever they do with JS arrays.
  const grams = sql.join(
    pattern.grams.map((gram) => sql`${gram}`),
    sql`, `,
  );
  return sql`(${platforms.searchGrams} @> array[${grams}]::text[] and position(${pattern.needle} in ${platforms.searchText}) > 0)`;
}

function directoryConditions(query: DirectoryQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [textCondition(query.q)];
  if (query.jurisdiction) conditions.push(eq(platforms.jurisdiction, query.jurisdiction));
  if (query.kind) conditions.push(eq(platforms.kind, query.kind));
  if (query.category) conditions.push(eq(platforms.category, query.category));
  if (query.formationMode) conditions.push(eq(platforms.formationMode, query.formationMode));
  // Containment of a one-element array: exact element match, served by the jsonb_path_ops index.
  if (query.field) conditions.push(sql`${platforms.fields} @> ${JSON.stringify([query.field])}::jsonb`);
  if (query.status) conditions.push(inArray(platforms.status, STATUSES_OF[query.status]));
  if (query.year !== undefined) {
    // A range on the column (not extract(year ...)) so the approved_on indexes apply.
    conditions.push(
      sql`${platforms.approvedOn} >= ${`${query.year}-01-01`}::date and ${platforms.approvedOn} < ${`${query.year + 1}-01-01`}::date`,
    );
  }
  return and(...conditions);
}

/** Every ordering ends with the id: a unique tiebreaker, so pages neither repeat nor skip a row. */
function directoryOrder(sort: DirectoryQuery["sort"]): SQL[] {
  if (sort === "approved-asc") return [asc(platforms.approvedOn), asc(platforms.id)];
  if (sort === "name") return [asc(platforms.name), asc(platforms.id)];
  return [desc(platforms.approvedOn), desc(platforms.id)];
}

/** directoryOrder over the columns of the `matches` CTE. */
const MATCH_ORDER: Record<DirectoryQuery["sort"], SQL> = {
  "approved-desc": sql`approved_on desc, id desc`,
  "approved-asc": sql`approved_on asc, id asc`,
  name: sql`name asc, id asc`,
};

const directoryColumns = {
  id: platforms.id,
  name: platforms.name,
  kind: platforms.kind,
  policyId: platforms.policyId,
  jurisdiction: platforms.jurisdiction,
  leadUnitName: organizations.name,
  category: platforms.category,
  formationMode: platforms.formationMode,
  fields: platforms.fields,
  summary: platforms.summary,
  approvedOn: platforms.approvedOn,
  status: platforms.status,
  revokedOn: platforms.revokedOn,
};

/**
 * One page of the directory and the number of matches. Paging is a deferred join: the page's ids are
 * chosen first from the platforms table alone (filters and order on its own indexed columns, so a deep
 * OFFSET skips index entries, not joined rows), then only those rows are read in full.
 */
export async function searchPlatformDirectory(
  db: Executor,
  query: DirectoryQuery,
): Promise<{ rows: DirectoryRow[]; total: number }> {
  const where = directoryConditions(query);
  const offset = (query.page - 1) * query.pageSize;
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(platforms).where(where))[0]?.n ?? 0;
  let total: number;
  let page: { id: string; total: number }[];
  if (query.q !== undefined && searchPattern(query.q)) {
    // A text search reads its matches from the heap (the recheck) and counts them in the same pass. The
    // materialized CTE keeps PostgreSQL from walking the ordering index row by row for a LIMIT it can only
    // apply after counting everything (measured: 10x slower on the first page of 100,000 rows).
    page = rowsOf<{ id: string; total: number }>(
      await db.execute(sql`
        with matches as materialized (
          select ${platforms.id} as id, ${platforms.approvedOn} as approved_on, ${platforms.name} as name
          from ${platforms} where ${where}
        )
        select id, (count(*) over ())::int as total from matches
        order by ${MATCH_ORDER[query.sort]} limit ${query.pageSize} offset ${offset}`),
    );
    total = page[0]?.total ?? (offset > 0 ? await count() : 0);
  } else {
    // Without text the count and the page are index-only scans over the ordering's index.
    total = await count();
    page =
      offset < total
        ? await db
            .select({ id: platforms.id, total: sql<number>`0` })
            .from(platforms)
            .where(where)
            .orderBy(...directoryOrder(query.sort))
            .limit(query.pageSize)
            .offset(offset)
        : [];
  }
  const ids = page.map((row) => row.id);
  if (ids.length === 0) return { rows: [], total };
  const rows = await db
    .select(directoryColumns)
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .where(inArray(platforms.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total };
}

/** The ids of every match, in the query's order (no paging): for downloads of a whole result. */
export async function directoryMatchIds(
  db: Executor,
  query: Omit<DirectoryQuery, "page" | "pageSize">,
): Promise<string[]> {
  const rows = await db
    .select({ id: platforms.id })
    .from(platforms)
    .where(directoryConditions({ ...query, page: 1, pageSize: 1 }))
    .orderBy(...directoryOrder(query.sort));
  return rows.map((row) => row.id);
}

export interface DirectoryFacetRows {
  jurisdictions: { code: string; count: number }[];
  kinds: { value: string; count: number }[];
  categories: { value: PlatformCategory; count: number }[];
  formationModes: { value: FormationMode; count: number }[];
  fields: { value: string; count: number }[];
  years: { value: number; count: number }[];
  statuses: { value: DirectoryStatus; count: number }[];
}

/** The filter options present in the directory, each with its number of platforms. */
export async function directoryFacets(db: Executor): Promise<DirectoryFacetRows> {
  const n = sql<number>`count(*)::int`;
  const jurisdictions = await db
    .select({ code: platforms.jurisdiction, count: n })
    .from(platforms)
    .groupBy(platforms.jurisdiction)
    .orderBy(asc(platforms.jurisdiction));
  const kinds = await db
    .select({ value: platforms.kind, count: n })
    .from(platforms)
    .groupBy(platforms.kind)
    .orderBy(asc(platforms.kind));
  const categories = await db
    .select({ value: sql<PlatformCategory>`${platforms.category}`, count: n })
    .from(platforms)
    .where(sql`${platforms.category} is not null`)
    .groupBy(platforms.category)
    .orderBy(asc(platforms.category));
  const formationModes = await db
    .select({ value: sql<FormationMode>`${platforms.formationMode}`, count: n })
    .from(platforms)
    .where(sql`${platforms.formationMode} is not null`)
    .groupBy(platforms.formationMode)
    .orderBy(asc(platforms.formationMode));
  const fields = rowsOf<{ value: string; count: number }>(
    await db.execute(sql`
      select f.value as value, count(*)::int as count
      from ${platforms}, jsonb_array_elements_text(${platforms.fields}) as f(value)
      group by f.value order by count(*) desc, f.value`),
  );
  const year = sql<number>`extract(year from ${platforms.approvedOn})::int`;
  const years = await db.select({ value: year, count: n }).from(platforms).groupBy(year).orderBy(desc(year));
  const stored = await db
    .select({ status: platforms.status, count: n })
    .from(platforms)
    .groupBy(platforms.status);
  const statuses = (["approved", "cultivating", "revoked"] as const)
    .map((value) => ({
      value,
      count: stored.filter((s) => directoryStatusOf(s.status) === value).reduce((sum, s) => sum + s.count, 0),
    }))
    .filter((s) => s.count > 0);
  return { jurisdictions, kinds, categories, formationModes, fields, years, statuses };
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export interface PlatformDirectorySource {
  applicationId: string;
  name: string;
  leadOrgId: string;
  fields: readonly string[];
  facts: Record<string, unknown>;
}

const CATEGORIES: readonly string[] = ["comprehensive", "domain"];
const FORMATION_MODES: readonly string[] = ["leading-enterprise", "enterprise-alliance", "academia-led"];

/**
 * The directory columns of a platform approved from an application: category and formation mode from its
 * facts, the summary from its latest publicity notice (a public text; nothing written in confidence), and
 * the search columns. Every writer of `platforms` from an application goes through here.
 */
export async function platformDirectoryColumns(
  db: Executor,
  source: PlatformDirectorySource,
): Promise<{
  category: PlatformCategory | null;
  formationMode: FormationMode | null;
  summary: string | null;
  searchText: string;
  searchGrams: string[];
}> {
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, source.leadOrgId));
  const [notice] = await db
    .select({ body: publicityNotices.body })
    .from(publicityNotices)
    .where(eq(publicityNotices.applicationId, source.applicationId))
    .orderBy(desc(publicityNotices.publishedAt), desc(publicityNotices.id))
    .limit(1);
  const { category, formationMode } = source.facts;
  const summary = notice?.body ?? null;
  return {
    category:
      typeof category === "string" && CATEGORIES.includes(category) ? (category as PlatformCategory) : null,
    formationMode:
      typeof formationMode === "string" && FORMATION_MODES.includes(formationMode)
        ? (formationMode as FormationMode)
        : null,
    summary,
    ...platformSearchColumns({
      name: source.name,
      leadUnitName: org?.name ?? "",
      fields: source.fields,
      summary,
    }),
  };
}

/**
 * Platforms written before migration 0008 have an empty search document: computed once at server start
 * (the normalization lives in TypeScript, search/grams.ts). Idempotent; returns how many rows it filled.
 */
export async function backfillPlatformSearch(db: Executor): Promise<number> {
  const missing = await db
    .select({
      id: platforms.id,
      name: platforms.name,
      leadUnitName: organizations.name,
      fields: platforms.fields,
      summary: platforms.summary,
    })
    .from(platforms)
    .innerJoin(organizations, eq(organizations.id, platforms.leadOrgId))
    .where(eq(platforms.searchText, ""));
  for (const row of missing) {
    await db.update(platforms).set(platformSearchColumns(row)).where(eq(platforms.id, row.id));
  }
  return missing.length;
}
