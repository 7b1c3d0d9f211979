import {
  type Database,
  DEMO_NM_GOVERNANCE,
  DEMO_NM_STATE_2024,
  type DemoAccount,
  schema,
  seedDemo,
  writeGovernanceState,
} from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import {
  type CenterFacts,
  changeViolations,
  emptyGovernanceState,
  type GovernanceState,
  governanceStateFromFacts,
} from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "./workflow/records";
import {
  type Api,
  callerWith,
  createFixture,
  type Fixture,
  placeApplication,
  signIn,
} from "./workflow/testing";

/**
 * Governance bodies as records (issue 11): approval turns the facts into memberships, a past day is answered
 * from the memberships' dates, every reader is scoped to their platforms, and the public page follows the
 * records (names and organizations only).
 */

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const outcome = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);
const at = (day: string) => new Date(`${day}T04:00:00Z`);
const hn = registry.get("hn-tic-2020")!;
const nm = registry.get("nm-tic-2020")!;

const facts: CenterFacts = {
  kind: "tech-innovation-center",
  leadUnit: { name: "湘江智能装备有限公司", type: "enterprise" },
  coBuildUnits: [{ name: "湖南大学", type: "university" }],
  board: {
    members: [
      { name: "甲一", organization: "湘江智能装备有限公司", affiliation: "lead-unit" },
      { name: "乙二", organization: "湖南大学", affiliation: "co-build-unit" },
    ],
  },
  committee: {
    kind: "expert-committee",
    chair: { name: "丙三", organization: "中南大学", affiliation: "external", expertise: "technical" },
    members: [
      { name: "丁四", organization: "湘江智能装备有限公司", affiliation: "lead-unit", isDirector: true },
      { name: "戊五", organization: "国防科技大学", affiliation: "external", expertise: "legal" },
    ],
  },
  director: { fullTime: true, monthsPerYearAtCenter: 11 },
};

describe.each(testDatabases())("governance records on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let fixture: Fixture;
  let today = "2030-01-01";
  const now = () => at(today);
  const as = {} as Record<string, Api>;
  const anonymous = () => callerWith(database, null, "10.9.0.2");
  let platformId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db, at("2026-12-02"));
    // Signed in at the end of the test's time range, so the sessions are valid on every earlier day.
    for (const name of ["applicant", "applicant2", "recommender", "authority", "authority-sc", "expert"])
      as[name] = await signIn(database, accounts.find((a) => a.username === name)!, now);
    today = "2025-05-10";
    fixture = await createFixture(database);
    const stage = hn.workflow.transitions.find((t) => t.action === "approve")!.from;
    const app = await placeApplication(database, hn, stage, fixture);
    await database.db.update(schema.applications).set({ facts }).where(eq(schema.applications.id, app.id));
    platformId = (await as.authority!.applications.transition({
      applicationId: app.id,
      action: "approve",
      expectedVersion: app.version,
    }))!.platformId!;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("approval writes the approved facts as memberships, effective on the approval day", async () => {
    const [org] = await database.db
      .select({ name: schema.organizations.name })
      .from(schema.organizations)
      .where(eq(schema.organizations.id, fixture.organizationId));
    const expected = governanceStateFromFacts(facts, org!.name);
    const current = await as.applicant!.governance.current({ platformId });
    expect(current.asOf).toBe("2025-05-10");
    expect(current.platform).toMatchObject({ id: platformId, policyId: "hn-tic-2020" });
    expect(current.state).toEqual(expected);
    expect(current.state.director).toEqual({
      name: "丁四",
      organization: "湘江智能装备有限公司",
      fullTime: true,
      monthsPerYearAtCenter: 11,
    });
    expect((await as.authority!.governance.on({ platformId, day: "2025-05-09" })).state).toEqual(
      emptyGovernanceState,
    );
    const { rows } = await as.authority!.governance.history({ platformId });
    expect(rows.map((r) => [r.body, r.position, r.name])).toEqual([
      ["lead-unit", "member", "湘江智能装备有限公司"],
      ["co-build-unit", "member", "湖南大学"],
      ["board", "member", "甲一"],
      ["board", "member", "乙二"],
      ["committee", "chair", "丙三"],
      ["committee", "member", "丁四"],
      ["committee", "member", "戊五"],
      ["director", "member", "丁四"],
    ]);
    for (const row of rows)
      expect(row).toMatchObject({ since: "2025-05-10", until: null, openedByChange: null });
    expect(rows.find((r) => r.position === "chair")).toMatchObject({
      body: "committee",
      bodyKind: "expert-committee",
      name: "丙三",
      expertise: "technical",
    });
  });

  it("answers who sat on the committee on a day from the memberships' dates", async () => {
    const [row] = await database.db
      .select()
      .from(schema.platforms)
      .where(eq(schema.platforms.id, platformId));
    const first: GovernanceState = await as
      .applicant!.governance.current({ platformId })
      .then((c) => c.state);
    const second: GovernanceState = {
      ...first,
      committee: {
        ...first.committee!,
        members: [
          ...first.committee!.members.filter((m) => m.name !== "戊五"),
          { name: "己六", organization: "湘潭大学", affiliation: "external", expertise: "economic" },
        ],
      },
    };
    const third: GovernanceState = {
      ...second,
      director: { ...second.director!, monthsPerYearAtCenter: 12 },
    };
    await database.db.transaction(async (tx) => {
      const base = { platformId, jurisdiction: row!.jurisdiction };
      await writeGovernanceState(tx, { ...base, state: second, effectiveOn: "2025-09-01" });
      await writeGovernanceState(tx, { ...base, state: third, effectiveOn: "2026-01-15" });
    });
    const committeeOn = async (day: string) =>
      (await as.recommender!.governance.on({ platformId, day })).state.committee?.members.map((m) => m.name);
    expect(await committeeOn("2025-05-01")).toBeUndefined();
    expect(await committeeOn("2025-08-31")).toEqual(["丁四", "戊五"]);
    expect(await committeeOn("2025-09-01")).toEqual(["丁四", "己六"]);
    const on2026 = await as.applicant!.governance.on({ platformId, day: "2026-03-01" });
    expect(on2026.asOf).toBe("2026-03-01");
    expect(on2026.state).toEqual(third);
    const { rows } = await as.applicant!.governance.history({ platformId });
    expect(rows.find((r) => r.name === "戊五")).toMatchObject({ since: "2025-05-10", until: "2025-09-01" });
    expect(rows.find((r) => r.name === "己六")).toMatchObject({ since: "2025-09-01", until: null });
    expect(rows.filter((r) => r.body === "director").map((r) => [r.monthsPerYear, r.since, r.until])).toEqual(
      [
        [11, "2025-05-10", "2026-01-15"],
        [12, "2026-01-15", null],
      ],
    );
  });

  it("scopes every reader to their platforms: another province's authority and another org get NOT_FOUND", async () => {
    for (const name of ["authority-sc", "applicant2", "expert"]) {
      expect(await outcome(as[name]!.governance.current({ platformId })), name).toBe("NOT_FOUND");
      expect(await outcome(as[name]!.governance.on({ platformId, day: "2025-06-01" })), name).toBe(
        "NOT_FOUND",
      );
      expect(await outcome(as[name]!.governance.history({ platformId })), name).toBe("NOT_FOUND");
    }
    expect(await outcome(anonymous().governance.current({ platformId }))).toBe("UNAUTHORIZED");
    expect(await outcome(as.applicant!.governance.on({ platformId, day: "2025-13-01" } as never))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(as.applicant!.governance.current({ platformId, extra: 1 } as never))).toBe(
      "BAD_REQUEST",
    );
  });

  it("the public page shows today's records, names and organizations only, and follows them", async () => {
    const page = await anonymous().platforms.get({ platformId });
    expect(page.governance).toEqual({
      coBuildUnits: [{ name: "湖南大学", type: "university" }],
      board: [
        { name: "甲一", organization: "湘江智能装备有限公司" },
        { name: "乙二", organization: "湖南大学" },
      ],
      committee: {
        kind: "expert-committee",
        chair: { name: "丙三", organization: "中南大学" },
        members: [
          { name: "丁四", organization: "湘江智能装备有限公司" },
          { name: "己六", organization: "湘潭大学" },
        ],
      },
      director: { name: "丁四", organization: "湘江智能装备有限公司" },
    });
    expect(JSON.stringify(page)).not.toMatch(
      /"(affiliation|expertise|isDirector|fullTime|monthsPerYear\w*)"/,
    );

    // A new chair from today: the public page says so at once.
    today = chinaToday(new Date());
    const current = (await as.applicant!.governance.current({ platformId })).state;
    const [row] = await database.db
      .select()
      .from(schema.platforms)
      .where(eq(schema.platforms.id, platformId));
    await writeGovernanceState(database.db, {
      platformId,
      jurisdiction: row!.jurisdiction,
      state: {
        ...current,
        committee: {
          ...current.committee!,
          chair: { name: "庚七", organization: "长沙理工大学", affiliation: "external" },
        },
      },
      effectiveOn: chinaToday(new Date()),
    });
    const after = await anonymous().platforms.get({ platformId });
    expect(after.governance?.committee?.chair).toEqual({ name: "庚七", organization: "长沙理工大学" });
  });

  it("seeds Inner Mongolia's center with a state that passes nm-tic and one committee change in 2024", async () => {
    const applicant2 = as.applicant2!;
    today = chinaToday(new Date());
    const [row] = await database.db
      .select()
      .from(schema.platforms)
      .where(eq(schema.platforms.name, DEMO_NM_GOVERNANCE.platformName));
    const current = await applicant2.governance.current({ platformId: row!.id });
    expect(current.state).toEqual(DEMO_NM_STATE_2024);
    expect(
      (
        await applicant2.governance.on({ platformId: row!.id, day: "2023-12-31" })
      ).state.committee?.members.map((m) => m.name),
    ).toContain(DEMO_NM_GOVERNANCE.leaving);
    const attributes = { name: row!.name, location: null, fields: row!.fields, formationMode: null };
    const check = (governance: GovernanceState) =>
      changeViolations(nm, { kind: "tech-innovation-center" }, { governance, attributes }).map(
        (v) => v.ruleId,
      );
    expect(check(current.state)).toEqual([]);
    // Exactly one third: one more insider breaks nm-tic.committee-outsiders.
    const committee = current.state.committee!;
    expect(
      check({
        ...current.state,
        committee: {
          ...committee,
          members: [
            ...committee.members,
            { name: "钱七", organization: "包头稀土研究院", affiliation: "lead-unit" },
          ],
        },
      }),
    ).toEqual(["nm-tic.committee-outsiders"]);
  });
});
