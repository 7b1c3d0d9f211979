import {
  type Database,
  type DemoAccount,
  governanceOn,
  schema,
  seedDemo,
  writeGovernanceState,
} from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import type { GovernanceMember, GovernanceState } from "@kechuang/domain";
import type { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "./auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";
import { type Api, userIdOf } from "./workflow/testing";

/**
 * Change requests after approval (issue 11). nm-tic-2020 三(五)1 lists what is only filed ("报送推荐部门、科技厅
 * 备案", effective at once), 三(五)2 what needs 科技厅's approval (批复); 三(二) caps the committee's lead and
 * co-build unit members at one third, re-checked on the state after every change.
 */

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as TRPCError,
  );

const person = (name: string, affiliation: GovernanceMember["affiliation"]): GovernanceMember => ({
  name,
  affiliation,
  organization: affiliation === "external" ? "外单位" : "包头稀土研究院",
  expertise: "technical",
});

/** Nine members, three from the lead and co-build units: exactly one third. */
const committeeMembers: GovernanceMember[] = [
  { ...person("王建华", "lead-unit"), expertise: "management", isDirector: true },
  person("李明", "lead-unit"),
  person("赵敏", "co-build-unit"),
  person("外一", "external"),
  { ...person("外二", "external"), expertise: "management" },
  { ...person("外三", "external"), expertise: "economic" },
  person("外四", "external"),
  person("外五", "external"),
  person("外六", "external"),
];

const approvedState: GovernanceState = {
  leadUnit: { name: "包头稀土研究院", type: "research-institute" },
  coBuildUnits: [{ name: "内蒙古科技大学", type: "university" }],
  board: [person("李强", "lead-unit"), person("赵敏", "co-build-unit")],
  committee: {
    kind: "tech-guidance-committee",
    chair: person("刘振华", "external"),
    members: committeeMembers,
  },
  director: { name: "王建华", fullTime: true, monthsPerYearAtCenter: 10 },
};

describe.each(testDatabases())("change requests after approval on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let nmOrg: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    const [applicant] = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, "applicant2"));
    nmOrg = applicant!.organizationId!;
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  /** `username` on a clock fixed at noon (China) of `day`. */
  async function at(username: string, day: string): Promise<Api> {
    expect(accounts.some((a) => a.username === username)).toBe(true);
    const now = new Date(`${day}T04:00:00Z`);
    const userId = await userIdOf(database, username);
    const meta = { ip: "10.3.0.1", userAgent: "vitest", now };
    const { token } = await database.db.transaction((tx) => createSession(tx, userId, meta));
    return createCaller(
      createContext({
        database,
        requestId: "changes-test",
        ip: "10.3.0.1",
        userAgent: "vitest",
        sessionToken: token,
        cookies: { set: () => {}, clear: () => {} },
        now: () => now,
      }),
    );
  }

  /** An NM platform of applicant2's organization approved on 2025-01-10 with the committee above. */
  async function placePlatform(): Promise<string> {
    const name = `测试创新中心 ${Math.random().toString(36).slice(2, 7)}`;
    const [row] = await database.db
      .insert(schema.platforms)
      .values({
        policyId: "nm-tic-2020",
        kind: "tech-innovation-center",
        name,
        leadOrgId: nmOrg,
        jurisdiction: "150000",
        approvedOn: "2025-01-10",
        fields: ["新材料"],
        recommenderArea: "150200",
      })
      .returning({ id: schema.platforms.id });
    await database.db.transaction((tx) =>
      writeGovernanceState(tx, {
        platformId: row!.id,
        jurisdiction: "150000",
        state: approvedState,
        effectiveOn: "2025-01-10",
      }),
    );
    return row!.id;
  }

  const changesOf = (platformId: string) =>
    database.db.select().from(schema.changeRequests).where(eq(schema.changeRequests.platformId, platformId));
  const auditOf = (action: string, objectId: string) =>
    database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.objectId, objectId)));
  const notificationsOf = async (username: string, platformId: string) =>
    database.db
      .select()
      .from(schema.notifications)
      .where(
        and(
          eq(schema.notifications.userId, await userIdOf(database, username)),
          eq(schema.notifications.platformId, platformId),
        ),
      );

  it("refuses a committee change that makes insiders more than one third, naming nm-tic-2020 三(二), and writes nothing", async () => {
    const platformId = await placePlatform();
    const api = await at("applicant2", "2026-03-02");
    const payload = {
      subject: "committee" as const,
      committee: { ...approvedState.committee!, members: [...committeeMembers, person("钱七", "lead-unit")] },
    };
    const preview = await api.changes.check({
      platformId,
      changeKindId: "board-or-committee-members",
      payload,
    });
    expect(preview.mode).toBe("filing");
    expect(preview.violations.map((v) => v.ruleId)).toEqual(["nm-tic.committee-outsiders"]);
    expect(preview.violations[0]!.citation.clause).toBe("三(二)");
    expect(preview.after.governance.committee!.members).toHaveLength(10);

    const refused = await failure(
      api.changes.submit({
        platformId,
        changeKindId: "board-or-committee-members",
        description: "增补委员",
        payload,
      }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("变更后的治理结构不符合以下规定");
    expect(refused.message).toContain("nm-tic-2020 三(二)");
    expect(refused.message).toContain("4/10");
    expect(await changesOf(platformId)).toEqual([]);
    expect((await governanceOn(database.db, platformId, "2026-03-02")).committee!.members).toHaveLength(9);
  });

  it("files a director replacement effective at once: the new director today, the old row closed (三(五)1)", async () => {
    const platformId = await placePlatform();
    const api = await at("applicant2", "2026-03-02");
    const kinds = await api.changes.kinds({ platformId });
    const director = kinds.kinds.find((k) => k.id === "director-replacement")!;
    expect(director).toMatchObject({ mode: "filing", subjects: ["director"] });
    expect(director.citation?.clause).toBe("三(五)1");
    expect(director.routing.zh).toContain("科技厅备案");

    const filed = await api.changes.submit({
      platformId,
      changeKindId: "director-replacement",
      description: "原主任退休",
      payload: { subject: "director", director: { name: "张新", fullTime: true, monthsPerYearAtCenter: 11 } },
      idempotencyKey: "director-2026-03-02",
    });
    expect(filed).toMatchObject({ status: "filed", effectiveOn: "2026-03-02" });
    expect((await governanceOn(database.db, platformId, "2026-03-02")).director!.name).toBe("张新");
    expect((await governanceOn(database.db, platformId, "2026-03-01")).director!.name).toBe("王建华");
    const old = await database.db
      .select()
      .from(schema.governanceMemberships)
      .where(
        and(
          eq(schema.governanceMemberships.platformId, platformId),
          eq(schema.governanceMemberships.body, "director"),
          eq(schema.governanceMemberships.name, "王建华"),
        ),
      );
    expect(old[0]).toMatchObject({ until: "2026-03-02", closedByChange: filed.changeRequestId });

    const [stored] = await changesOf(platformId);
    expect(stored).toMatchObject({
      status: "filed",
      before: { subject: "director", director: { name: "王建华" } },
    });
    const events = await database.db
      .select()
      .from(schema.platformEvents)
      .where(eq(schema.platformEvents.platformId, platformId));
    expect(events.map((e) => [e.kind, e.detail])).toEqual([
      ["changed", { changeKindId: "director-replacement" }],
    ]);
    expect(await auditOf("change.submit", filed.changeRequestId)).toHaveLength(1);
    expect((await notificationsOf("recommender-nm", platformId)).map((n) => n.kind)).toEqual([
      "change-filed",
    ]);
    expect((await notificationsOf("authority-nm", platformId)).map((n) => n.kind)).toEqual(["change-filed"]);

    // A retry with the same key replays the answer: one request, one audit row.
    const again = await api.changes.submit({
      platformId,
      changeKindId: "director-replacement",
      description: "原主任退休",
      payload: { subject: "director", director: { name: "张新", fullTime: true, monthsPerYearAtCenter: 11 } },
      idempotencyKey: "director-2026-03-02",
    });
    expect(again.changeRequestId).toBe(filed.changeRequestId);
    expect(await changesOf(platformId)).toHaveLength(1);
  });

  it("keeps a lead-unit change pending until the authority approves it, effective on the decision day (三(五)2)", async () => {
    const platformId = await placePlatform();
    const applicant = await at("applicant2", "2026-03-02");
    const submitted = await applicant.changes.submit({
      platformId,
      changeKindId: "lead-unit-change",
      description: "牵头单位改制",
      payload: { subject: "lead-unit", leadUnit: { name: "包头稀土集团", type: "enterprise" } },
    });
    expect(submitted).toMatchObject({ status: "pending", effectiveOn: null });
    expect((await governanceOn(database.db, platformId, "2026-03-02")).leadUnit!.name).toBe("包头稀土研究院");
    expect((await notificationsOf("authority-nm", platformId)).map((n) => n.kind)).toEqual([
      "change-pending",
    ]);

    const second = await failure(
      applicant.changes.submit({
        platformId,
        changeKindId: "lead-unit-change",
        description: "再次提交",
        payload: { subject: "lead-unit", leadUnit: { name: "另一单位" } },
      }),
    );
    expect(second.code).toBe("CONFLICT");
    expect(second.message).toContain("等待批复");

    const authority = await at("authority-nm", "2026-03-20");
    const queue = await authority.changes.queue();
    expect(queue.find((q) => q.id === submitted.changeRequestId)).toMatchObject({ status: "pending" });
    const decided = await authority.changes.decide({
      changeRequestId: submitted.changeRequestId,
      outcome: "approved",
    });
    expect(decided).toMatchObject({ status: "approved", effectiveOn: "2026-03-20" });
    expect((await governanceOn(database.db, platformId, "2026-03-19")).leadUnit!.name).toBe("包头稀土研究院");
    expect((await governanceOn(database.db, platformId, "2026-03-20")).leadUnit!.name).toBe("包头稀土集团");
    expect(await auditOf("change.decide", submitted.changeRequestId)).toHaveLength(1);
    expect((await notificationsOf("applicant2", platformId)).map((n) => n.kind)).toEqual(["change-approved"]);
    expect((await authority.changes.queue()).some((q) => q.id === submitted.changeRequestId)).toBe(false);
    const list = await applicant.changes.list({ platformId });
    expect(list.requests[0]).toMatchObject({ status: "approved", effectiveOn: "2026-03-20" });
    expect(list.requests[0]!.kindName.zh).toBe("变更牵头单位");
  });

  it("keeps the state when the authority rejects, and a rejection needs a reason", async () => {
    const platformId = await placePlatform();
    const applicant = await at("applicant2", "2026-03-02");
    const { changeRequestId } = await applicant.changes.submit({
      platformId,
      changeKindId: "co-build-units",
      description: "退出共建",
      payload: { subject: "co-build-units", units: [] },
    });
    const authority = await at("authority-nm", "2026-03-05");
    const noReason = await failure(authority.changes.decide({ changeRequestId, outcome: "rejected" }));
    expect(noReason.code).toBe("BAD_REQUEST");
    await authority.changes.decide({ changeRequestId, outcome: "rejected", reason: "共建协议未解除" });
    expect((await governanceOn(database.db, platformId, "2026-03-05")).coBuildUnits).toEqual(
      approvedState.coBuildUnits,
    );
    const [stored] = await changesOf(platformId);
    expect(stored).toMatchObject({ status: "rejected", reason: "共建协议未解除", effectiveOn: null });
    const again = await failure(authority.changes.decide({ changeRequestId, outcome: "approved" }));
    expect(again.code).toBe("CONFLICT");
  });

  it("renames a platform on approval and the directory finds the new name", async () => {
    const platformId = await placePlatform();
    const applicant = await at("applicant2", "2026-03-02");
    const { changeRequestId } = await applicant.changes.submit({
      platformId,
      changeKindId: "name",
      description: "更名",
      payload: { subject: "name", name: "内蒙古自治区稀土永磁材料技术创新中心" },
    });
    await (await at("authority-nm", "2026-03-03")).changes.decide({ changeRequestId, outcome: "approved" });
    const [row] = await database.db
      .select()
      .from(schema.platforms)
      .where(eq(schema.platforms.id, platformId));
    expect(row!.name).toBe("内蒙古自治区稀土永磁材料技术创新中心");
    const found = await applicant.platforms.directory({ q: "稀土永磁" });
    expect(found.items.map((i: { id: string }) => i.id)).toContain(platformId);
  });

  it("answers NOT_FOUND out of scope and refuses a kind the module does not have", async () => {
    const platformId = await placePlatform();
    const payload = { subject: "director" as const, director: { name: "某人" } };
    const submit = (api: Api) =>
      api.changes.submit({ platformId, changeKindId: "director-replacement", description: "x", payload });
    expect((await failure(submit(await at("applicant", "2026-03-02")))).code).toBe("NOT_FOUND");
    expect((await failure((await at("applicant", "2026-03-02")).changes.list({ platformId }))).code).toBe(
      "NOT_FOUND",
    );
    const { changeRequestId } = await (await at("applicant2", "2026-03-02")).changes.submit({
      platformId,
      changeKindId: "formation-mode",
      description: "转为企业牵头",
      payload: { subject: "formation-mode", formationMode: "leading-enterprise" },
    });
    const hunan = await at("authority", "2026-03-03");
    expect((await failure(hunan.changes.decide({ changeRequestId, outcome: "approved" }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await hunan.changes.queue()).some((q) => q.id === changeRequestId)).toBe(false);
    expect((await changesOf(platformId))[0]!.status).toBe("pending");

    const unknown = await failure(
      (await at("applicant2", "2026-03-02")).changes.submit({
        platformId,
        changeKindId: "no-such-kind",
        description: "x",
        payload,
      }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.message).toContain("no-such-kind");
    const wrongSubject = await failure(
      (await at("applicant2", "2026-03-02")).changes.check({
        platformId,
        changeKindId: "director-replacement",
        payload: { subject: "name", name: "x" },
      }),
    );
    expect(wrongSubject.code).toBe("BAD_REQUEST");
  });
});
