import { type Database, type DemoAccount, schema, seedDemo, tableChecksums } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { commonActions, nthWorkingDay, type PolicyModule, type Role, reviewCriteria } from "@kechuang/domain";
import { policyModules } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "./auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";
import { chinaToday } from "./workflow/records";
import {
  type Api,
  callerWith,
  createFixture,
  type Fixture,
  placeApplication,
  signIn,
  userIdOf,
} from "./workflow/testing";

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const outcome = (promise: Promise<unknown>) => promise.then(() => "OK", codeOf);
const workflowRoles: Role[] = ["applicant", "recommender", "expert", "authority"];
/** A publicity window valid when published today (China), open for the whole test run. */
const openWindow = () => {
  const today = chinaToday(new Date());
  return { opensOn: today, closesOn: nthWorkingDay(today, 20) };
};

describe.each(testDatabases())("application workflow on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  const as = {} as Record<
    | "applicant"
    | "applicant2"
    | "recommender"
    | "expert"
    | "expert2"
    | "expert3"
    | "authority"
    | "authority-sc"
    | "authority-nm"
    | "authority-as",
    Api
  >;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    for (const name of Object.keys({
      applicant: 1,
      applicant2: 1,
      recommender: 1,
      expert: 1,
      expert2: 1,
      expert3: 1,
      authority: 1,
      "authority-sc": 1,
      "authority-nm": 1,
      "authority-as": 1,
    })) {
      as[name as keyof typeof as] = await signIn(database, accounts.find((a) => a.username === name)!);
    }
    fixture = await createFixture(database);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  // Each jurisdiction's authority decides under its own policies only.
  const authorityOf: Record<string, keyof typeof as> = {
    "430000": "authority",
    "510000": "authority-sc",
    "150000": "authority-nm",
    "520400": "authority-as",
  };
  const roleCaller = (role: Role, module: PolicyModule): Api =>
    as[role === "authority" ? authorityOf[module.jurisdiction.code]! : (role as keyof typeof as)];

  for (const module of policyModules) {
    it(`${module.id}: every (stage, action, role) is allowed exactly when the graph and the role allow it`, async () => {
      const actions = [...new Set([...commonActions, ...module.workflow.transitions.map((t) => t.action)])];
      const mismatches: string[] = [];
      for (const stage of module.workflow.stages) {
        let app = await placeApplication(database, module, stage.id, fixture);
        for (const action of actions) {
          for (const role of workflowRoles) {
            const expected =
              !stage.terminal &&
              module.workflow.transitions.some(
                (t) => t.from === stage.id && t.action === action && t.roles.includes(role),
              );
            const api = roleCaller(role, module);
            const call =
              action === "open-publicity" && role === "authority"
                ? api.publicity.open({
                    applicationId: app.id,
                    expectedVersion: app.version,
                    title: "公示",
                    body: "公示内容",
                    ...openWindow(),
                  })
                : api.applications.transition({
                    applicationId: app.id,
                    action,
                    expectedVersion: app.version,
                    reason: "理由",
                  });
            const code = await outcome(call);
            if ((code === "OK") !== expected)
              mismatches.push(`${stage.id} --${action}--> as ${role}: ${code}`);
            // An unsent draft is the applicant's own: to the authority and the recommender it does not exist.
            const refusals = ["FORBIDDEN", "PRECONDITION_FAILED", "BAD_REQUEST"];
            if ((role === "authority" || role === "recommender") && stage.id === "draft")
              refusals.push("NOT_FOUND");
            if (!expected && !refusals.includes(code)) {
              mismatches.push(`${stage.id} --${action}--> as ${role}: unexpected ${code}`);
            }
            if (code === "OK") app = await placeApplication(database, module, stage.id, fixture);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 300_000);
  }

  const hunan = policyModules.find((m) => m.id === "hn-tic-2020")!;

  it("each guard refuses, with its reason and an audited denial, when its stored data is missing", async () => {
    const cases: { guard: string; clear: (id: string) => Promise<unknown> }[] = [
      {
        guard: "plan-complete",
        clear: (id) =>
          database.db.update(schema.applications).set({ plan: {} }).where(eq(schema.applications.id, id)),
      },
      {
        guard: "panel-formed",
        clear: async (id) => {
          await database.db.delete(schema.opinions).where(eq(schema.opinions.applicationId, id));
          await database.db.delete(schema.panelMembers).where(eq(schema.panelMembers.applicationId, id));
        },
      },
      {
        guard: "opinions-complete",
        clear: (id) => database.db.delete(schema.opinions).where(eq(schema.opinions.applicationId, id)),
      },
      {
        guard: "site-visit-recorded",
        clear: (id) => database.db.delete(schema.siteVisits).where(eq(schema.siteVisits.applicationId, id)),
      },
      {
        // A visit of an earlier stage (Inner Mongolia's consultation inspection) does not count for this one.
        guard: "site-visit-recorded",
        clear: (id) =>
          database.db
            .update(schema.siteVisits)
            .set({ stage: "an-earlier-stage" })
            .where(eq(schema.siteVisits.applicationId, id)),
      },
      {
        guard: "publicity-closed-clear",
        clear: (id) =>
          database.db
            .update(schema.publicityNotices)
            .set({ closesOn: "2999-12-31" })
            .where(eq(schema.publicityNotices.applicationId, id)),
      },
    ];
    const checked: string[] = [];
    for (const module of policyModules) {
      for (const t of module.workflow.transitions) {
        for (const c of cases) {
          if (!t.guards?.includes(c.guard as never)) continue;
          const app = await placeApplication(database, module, t.from, fixture);
          await c.clear(app.id);
          const role = t.roles[0]!;
          const call =
            t.action === "open-publicity"
              ? roleCaller(role, module).publicity.open({
                  applicationId: app.id,
                  expectedVersion: app.version,
                  title: "公示",
                  body: "公示内容",
                  ...openWindow(),
                })
              : roleCaller(role, module).applications.transition({
                  applicationId: app.id,
                  action: t.action,
                  expectedVersion: app.version,
                  reason: "理由",
                });
          expect(`${module.id} ${t.action} ${c.guard}: ${await outcome(call)}`).toBe(
            `${module.id} ${t.action} ${c.guard}: PRECONDITION_FAILED`,
          );
          const audits = await database.db
            .select()
            .from(schema.auditLog)
            .where(eq(schema.auditLog.objectId, app.id));
          expect(audits.map((a) => [a.result, (a.detail as { guard?: string }).guard])).toEqual([
            ["denied", c.guard],
          ]);
          checked.push(c.guard);
        }
      }
    }
    expect(new Set(checked)).toEqual(new Set(cases.map((c) => c.guard)));
  }, 120_000);

  it("two concurrent decisions on one application: one change, one CONFLICT, one event, one audit row", async () => {
    const app = await placeApplication(database, hunan, "submitted", fixture);
    const attempt = () =>
      as.recommender.applications.transition({
        applicationId: app.id,
        action: "recommend",
        expectedVersion: app.version,
      });
    const codes = (await Promise.all([outcome(attempt()), outcome(attempt())])).sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const events = await database.db
      .select()
      .from(schema.applicationEvents)
      .where(
        and(
          eq(schema.applicationEvents.applicationId, app.id),
          eq(schema.applicationEvents.action, "recommend"),
        ),
      );
    expect(events).toHaveLength(1);
    const audits = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, app.id));
    expect(audits.map((a) => [a.action, a.result])).toEqual([["application.recommend", "ok"]]);
    const [row] = await database.db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.id, app.id));
    expect([row!.stage, row!.version]).toEqual(["recommended", app.version + 1]);
  });

  it("two authorities approving at once: one approval, one CONFLICT, one platform, one decision, one audit row", async () => {
    const app = await placeApplication(database, hunan, "publicity", fixture);
    const attempt = () =>
      as.authority.applications.transition({
        applicationId: app.id,
        action: "approve",
        expectedVersion: app.version,
        idempotencyKey: crypto.randomUUID(),
      });
    const codes = (await Promise.all([outcome(attempt()), outcome(attempt())])).sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const created = await database.db
      .select()
      .from(schema.platforms)
      .where(eq(schema.platforms.applicationId, app.id));
    expect(created).toHaveLength(1);
    const decisions = await database.db
      .select()
      .from(schema.decisions)
      .where(eq(schema.decisions.applicationId, app.id));
    expect(decisions.map((d) => d.outcome)).toEqual(["approved"]);
    const audits = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, app.id), eq(schema.auditLog.result, "ok")));
    expect(audits.map((a) => a.action)).toEqual(["application.approve"]);
  });

  it("50 parallel retries with one idempotency key move the application once and all get the same answer", async () => {
    const app = await placeApplication(database, hunan, "submitted", fixture);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        as.recommender.applications.transition({
          applicationId: app.id,
          action: "recommend",
          expectedVersion: app.version,
          idempotencyKey: `retry-${app.id}`,
        }),
      ),
    );
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toMatchObject({ to: "recommended", version: app.version + 1 });
    const events = await database.db
      .select()
      .from(schema.applicationEvents)
      .where(eq(schema.applicationEvents.applicationId, app.id));
    expect(events).toHaveLength(1);
  }, 60_000);

  it("record scope: another organization's applicant and another area's recommender get NOT_FOUND, never the record", async () => {
    const app = await placeApplication(database, hunan, "submitted", fixture);
    expect(await outcome(as.applicant2.applications.get({ applicationId: app.id }))).toBe("NOT_FOUND");
    expect(
      await outcome(
        as.applicant2.applications.transition({
          applicationId: app.id,
          action: "withdraw",
          expectedVersion: app.version,
        }),
      ),
    ).toBe("NOT_FOUND");
    const [other] = await database.db
      .insert(schema.applications)
      .values({
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        title: "长沙的申请",
        organizationId: fixture.organizationId,
        recommenderArea: "430100",
        stage: "submitted",
      })
      .returning();
    expect(
      await outcome(
        as.recommender.applications.transition({
          applicationId: other!.id,
          action: "recommend",
          expectedVersion: 1,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(as.applicant.applications.get({ applicationId: app.id }))).toBe("OK");
  });

  it("record scope: an authority decides only under its own jurisdiction's policies", async () => {
    const innerMongolia = policyModules.find((m) => m.id === "nm-tic-2020")!;
    const app = await placeApplication(database, innerMongolia, "publicity", fixture);
    const approve = (api: Api) =>
      api.applications.transition({ applicationId: app.id, action: "approve", expectedVersion: app.version });
    // Hunan's S&T department neither sees nor decides an Inner Mongolia application, nor lists or exports it.
    expect(await outcome(as.authority.applications.get({ applicationId: app.id }))).toBe("NOT_FOUND");
    expect(await outcome(approve(as.authority))).toBe("NOT_FOUND");
    expect((await as.authority.review.queue()).map((i) => i.applicationId)).not.toContain(app.id);
    expect((await as.authority.exports.applications()).content).not.toContain(app.id);
    expect((await as["authority-nm"].review.queue()).map((i) => i.applicationId)).toContain(app.id);
    expect((await as["authority-nm"].exports.applications()).content).toContain(app.id);
    expect(await outcome(approve(as["authority-nm"]))).toBe("OK");
  });

  it("sends each module's own vocabulary for the facts form: Sichuan's eight demonstration tasks for a zone", async () => {
    const zones = policyModules.find((m) => m.id === "sc-zone-2018")!;
    const app = await placeApplication(database, zones, "draft", fixture);
    const detail = await as.applicant.applications.get({ applicationId: app.id });
    expect(detail.factChoices.demonstrationTasks.map((t) => t.clause)).toEqual([
      "四(一)",
      "四(二)",
      "四(三)",
      "四(四)",
      "四(五)",
      "四(六)",
      "四(七)",
      "四(八)",
    ]);
    const center = await placeApplication(database, hunan, "draft", fixture);
    expect((await as.applicant.applications.get({ applicationId: center.id })).factChoices).toEqual({
      demonstrationTasks: [],
    });
  });

  it("a stale version gets CONFLICT and changes nothing", async () => {
    const app = await placeApplication(database, hunan, "submitted", fixture);
    expect(
      await outcome(
        as.recommender.applications.transition({
          applicationId: app.id,
          action: "recommend",
          expectedVersion: app.version + 5,
        }),
      ),
    ).toBe("CONFLICT");
    const [row] = await database.db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.id, app.id));
    expect([row!.stage, row!.version]).toEqual(["submitted", app.version]);
  });

  it("create → autosave → submit refused while incomplete → complete → submit → return → resubmit keeps versions", async () => {
    const created = await as.applicant.applications.create({
      policyId: "hn-tic-2020",
      kind: "tech-innovation-center",
      title: "湖南省测试技术创新中心",
      recommenderAreaCode: "430200",
      facts: {
        kind: "tech-innovation-center",
        leadUnit: { type: "enterprise", rdExpenditureLast3Years: [1, 1, 1] },
      },
    });
    expect(created.eligibility?.results.some((r) => r.outcome === "fail")).toBe(true);
    const saved = await as.applicant.applications.saveDraft({
      applicationId: created.id,
      expectedVersion: created.version,
      plan: {},
    });
    const refused = await as.applicant.applications
      .submit({ applicationId: created.id, expectedVersion: saved.version })
      .catch((e: TRPCError) => e);
    expect(codeOf(refused)).toBe("PRECONDITION_FAILED");
    expect((refused as TRPCError).message).toContain("建设方案尚未完成");
    const { completePlan } = await import("./workflow/testing");
    const full = await as.applicant.applications.saveDraft({
      applicationId: created.id,
      expectedVersion: saved.version,
      plan: completePlan(hunan),
    });
    expect(full.completeness.every((s) => s.complete)).toBe(true);
    const submitted = await as.applicant.applications.submit({
      applicationId: created.id,
      expectedVersion: full.version,
    });
    const returned = await as.recommender.applications.transition({
      applicationId: created.id,
      action: "return-to-applicant",
      expectedVersion: submitted.version,
      reason: "请补充",
    });
    const plan2 = completePlan(hunan);
    const firstSection = Object.keys(plan2)[0]!;
    const firstField = Object.keys(plan2[firstSection]!)[0]!;
    plan2[firstSection]![firstField] = typeof plan2[firstSection]![firstField] === "string" ? "修改后" : 2;
    const edited = await as.applicant.applications.saveDraft({
      applicationId: created.id,
      expectedVersion: returned.version,
      plan: plan2,
    });
    await as.applicant.applications.submit({ applicationId: created.id, expectedVersion: edited.version });
    const versions = await as.applicant.applications.versions({ applicationId: created.id });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const diff = await as.applicant.applications.compareVersions({ applicationId: created.id, a: 1, b: 2 });
    expect(diff.sections.filter((s) => s.changed).map((s) => s.sectionId)).toEqual([firstSection]);
    const view = await as.applicant.applications.get({ applicationId: created.id });
    expect(view.history.map((h) => h.action)).toEqual([
      "create",
      "submit",
      "return-to-applicant",
      "resubmit",
    ]);
    expect(view.stage).toBe("submitted");
    const waiting = await as.recommender.review.queue();
    expect(waiting.some((w) => w.applicationId === created.id && w.hoursWaiting >= 0)).toBe(true);
    const notes = await as.recommender.notifications.list();
    expect(notes.some((n) => n.applicationId === created.id && n.kind === "action-needed")).toBe(true);
  });

  it("refuses and explains a conflict of interest; shows each expert's load", async () => {
    const app = await placeApplication(database, hunan, "consultation", fixture);
    const expert3 = await userIdOf(database, "expert3");
    const refused = await as.authority.review
      .assignExpert({ applicationId: app.id, expertId: expert3, seat: "technical" })
      .catch((e: TRPCError) => e);
    expect(codeOf(refused)).toBe("PRECONDITION_FAILED");
    expect((refused as TRPCError).message).toContain("利益冲突");
    const loads = await as.authority.review.expertLoads({ applicationId: app.id });
    expect(loads.find((l) => l.expertId === expert3)?.conflict).not.toBeNull();
    const expert = loads.find((l) => l.name.includes("刘洋"))!;
    expect(expert.conflict).toBeNull();
    expect(expert.load).toBeGreaterThan(0);
  });

  it("an expert sees others' opinions only after submitting; applicants never see an identity", async () => {
    const app = await placeApplication(database, hunan, "recommended", fixture);
    await database.db.delete(schema.panelMembers).where(eq(schema.panelMembers.applicationId, app.id));
    await database.db.delete(schema.opinions).where(eq(schema.opinions.applicationId, app.id));
    const started = await as.authority.applications.transition({
      applicationId: app.id,
      action: "start-consultation",
      expectedVersion: app.version,
    });
    for (const [username, seat] of [
      ["expert", "technical"],
      ["expert2", "legal"],
    ] as const) {
      await as.authority.review.assignExpert({
        applicationId: app.id,
        expertId: await userIdOf(database, username),
        seat,
      });
    }
    const opinion = {
      applicationId: app.id,
      expectedVersion: started.version,
      recommendation: "support" as const,
      scores: reviewCriteria(hunan).map((c) => ({ criterion: c.id, score: 85 })),
    };
    // Scored against the module's criteria, each once: a missing or foreign criterion is refused and says which.
    const missing = await as.expert.review
      .submitOpinion({ ...opinion, text: "方案可行", scores: opinion.scores.slice(1) })
      .catch((error: TRPCError) => error);
    expect(missing).toBeInstanceOf(TRPCError);
    expect((missing as TRPCError).code).toBe("BAD_REQUEST");
    expect((missing as TRPCError).message).toContain("尚有评审要点未评分");
    expect(
      await outcome(
        as.expert.review.submitOpinion({
          ...opinion,
          text: "方案可行",
          scores: [...opinion.scores, { criterion: "技术水平", score: 90 }],
        }),
      ),
    ).toBe("BAD_REQUEST");
    await as.expert.review.submitOpinion({ ...opinion, text: "方案可行" });
    expect(await as.expert2.review.opinions({ applicationId: app.id })).toEqual([]);
    await as.expert2.review.submitOpinion({ ...opinion, text: "建议完善财务测算" });
    expect(await as.expert2.review.opinions({ applicationId: app.id })).toHaveLength(2);
    const seenByApplicant = await as.applicant.review.opinions({ applicationId: app.id });
    expect(seenByApplicant.map((o) => o.author.zh).sort()).toEqual(["专家 A", "专家 B"]);
    expect(JSON.stringify(seenByApplicant)).not.toMatch(/刘洋|赵磊/);
    expect(seenByApplicant.every((o) => o.expertId === null)).toBe(true);
    expect(await outcome(as.expert3.review.opinions({ applicationId: app.id }))).toBe("NOT_FOUND");
  });

  it("approval is refused while publicity is open or an objection pending; approval creates the named platform", async () => {
    const named = policyModules.find(
      (m) => m.naming && m.workflow.transitions.some((t) => t.action === "open-publicity"),
    )!;
    const from = named.workflow.transitions.find((t) => t.action === "open-publicity")!.from;
    const app = await placeApplication(database, named, from, fixture);
    const authority = roleCaller("authority", named);
    await database.db
      .delete(schema.publicityNotices)
      .where(eq(schema.publicityNotices.applicationId, app.id));
    const window = openWindow();
    const opened = await authority.publicity.open({
      applicationId: app.id,
      expectedVersion: app.version,
      title: "关于测试材料的公示",
      body: "拟批准组建，现予公示",
      ...window,
    });
    const [stored] = await database.db
      .select()
      .from(schema.publicityNotices)
      .where(
        and(
          eq(schema.publicityNotices.applicationId, app.id),
          eq(schema.publicityNotices.closesOn, window.closesOn),
        ),
      );
    const open = await callerWith(database, null).publicity.listOpen();
    const notice = open.find((n) => n.noticeId === stored!.id)!;
    expect(notice.title).toBe("关于测试材料的公示");
    const approve = (version: number) =>
      authority.applications.transition({
        applicationId: app.id,
        action: "approve",
        expectedVersion: version,
      });
    expect(await outcome(approve(opened.version))).toBe("PRECONDITION_FAILED");
    const { objectionId } = await callerWith(database, null, "10.9.9.9").publicity.object({
      noticeId: notice.noticeId,
      objectorName: "张三",
      objectorContact: "13800000000",
      grounds: "申报材料中的研发投入数据与年报不符。",
    });
    await database.db
      .update(schema.publicityNotices)
      .set({ closesOn: "2000-01-10" })
      .where(eq(schema.publicityNotices.id, notice.noticeId));
    const pending = await approve(opened.version).catch((e: TRPCError) => e);
    expect(codeOf(pending)).toBe("PRECONDITION_FAILED");
    expect((pending as TRPCError).message).toContain("异议");
    await authority.publicity.resolveObjection({
      objectionId,
      outcome: "dismissed",
      reason: "经核实数据一致",
    });
    const approved = await approve(opened.version);
    expect(approved.designatedName).toBe(named.naming!.apply("测试材料"));
    expect(approved.designatedName).not.toBe("测试材料");
    const listed = await callerWith(database, null).platforms.listApproved();
    expect(listed.some((p) => p.id === approved.platformId && p.name === approved.designatedName)).toBe(true);
  });

  it("rate limits objections per address", async () => {
    const app = await placeApplication(database, hunan, "site-visit", fixture);
    await as.authority.publicity.open({
      applicationId: app.id,
      expectedVersion: app.version,
      title: "限流测试公示",
      body: "公示",
      ...openWindow(),
    });
    const [notice] = await database.db
      .select()
      .from(schema.publicityNotices)
      .where(
        and(
          eq(schema.publicityNotices.applicationId, app.id),
          eq(schema.publicityNotices.title, "限流测试公示"),
        ),
      );
    const object = () =>
      outcome(
        callerWith(database, null, "10.7.7.7").publicity.object({
          noticeId: notice!.id,
          objectorName: "李四",
          objectorContact: "li@example.com",
          grounds: "重复提交的异议内容，用于测试限流。",
        }),
      );
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await object());
    expect(codes).toEqual(["OK", "OK", "OK", "OK", "OK", "TOO_MANY_REQUESTS"]);
  });

  /** A Hunan application in publicity with one open objection (filed from `ip`). */
  async function objectionOnHunan(ip: string) {
    const app = await placeApplication(database, hunan, "site-visit", fixture);
    await database.db
      .delete(schema.publicityNotices)
      .where(eq(schema.publicityNotices.applicationId, app.id));
    const opened = await as.authority.publicity.open({
      applicationId: app.id,
      expectedVersion: app.version,
      title: "异议范围测试公示",
      body: "公示",
      ...openWindow(),
    });
    const [notice] = await database.db
      .select()
      .from(schema.publicityNotices)
      .where(eq(schema.publicityNotices.applicationId, app.id));
    const { objectionId } = await callerWith(database, null, ip).publicity.object({
      noticeId: notice!.id,
      objectorName: "王五",
      objectorContact: "wang@example.com",
      grounds: "该单位申报的研发人员数量与实际不符。",
    });
    return { app, version: opened.version, noticeId: notice!.id, objectionId };
  }
  const volatileTables = new Set(["audit_log", "sessions", "idempotency_keys"]);
  const stableChecksums = async () =>
    Object.fromEntries(
      Object.entries(await tableChecksums(database.db)).filter(([name]) => !volatileTables.has(name)),
    );

  it("resolveObjection: another jurisdiction's authority gets the 404 of a missing objection, for either outcome, and nothing changes", async () => {
    const { app, objectionId } = await objectionOnHunan("10.6.6.1");
    const refusal = async (call: Promise<unknown>) => {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      return error instanceof TRPCError ? { code: error.code, message: error.message } : error;
    };
    const missing = await refusal(
      as["authority-nm"].publicity.resolveObjection({
        objectionId: "00000000-0000-4000-8000-000000000000",
        outcome: "dismissed",
        reason: "不成立",
      }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    const before = await stableChecksums();
    for (const outsider of ["authority-nm", "authority-sc", "authority-as"] as const) {
      for (const outcome of ["dismissed", "upheld"] as const) {
        const answer = await refusal(
          as[outsider].publicity.resolveObjection({ objectionId, outcome, reason: "不成立" }),
        );
        expect(`${outsider} ${outcome}: ${JSON.stringify(answer)}`).toBe(
          `${outsider} ${outcome}: ${JSON.stringify(missing)}`,
        );
      }
    }
    expect(await stableChecksums()).toEqual(before);
    // The application's own authority can (so the refusal above is about scope, not the input).
    await as.authority.publicity.resolveObjection({
      objectionId,
      outcome: "dismissed",
      reason: "经核实不成立",
    });
    const [row] = await database.db
      .select()
      .from(schema.objections)
      .where(eq(schema.objections.id, objectionId));
    expect(row!.status).toBe("dismissed");
    expect(app.id).toEqual(expect.any(String));
  });

  it("an objection notifies only the authority of the application's own jurisdiction", async () => {
    const { app } = await objectionOnHunan("10.6.6.2");
    const notified = await database.db
      .select({ userId: schema.notifications.userId })
      .from(schema.notifications)
      .where(
        and(eq(schema.notifications.applicationId, app.id), eq(schema.notifications.kind, "objection-filed")),
      );
    expect(notified.map((n) => n.userId)).toEqual([await userIdOf(database, "authority")]);
  });

  it("counts objections per address atomically: of 8 at once, exactly 5 are accepted", async () => {
    const { noticeId } = await objectionOnHunan("10.6.6.3");
    const codes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        outcome(
          callerWith(database, null, "10.6.6.4").publicity.object({
            noticeId,
            objectorName: "赵六",
            objectorContact: "zhao@example.com",
            grounds: `并发提交的第${i + 1}条异议，用于测试限流。`,
          }),
        ),
      ),
    );
    expect(codes.filter((c) => c === "OK")).toHaveLength(5);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(3);
    const stored = await database.db
      .select({ id: schema.objections.id })
      .from(schema.objections)
      .where(eq(schema.objections.sourceIp, "10.6.6.4"));
    expect(stored).toHaveLength(5);
  });

  /** The Hunan authority on a clock fixed at `iso` (its session made at that instant). */
  async function authorityAt(iso: string): Promise<Api> {
    const now = new Date(iso);
    const userId = await userIdOf(database, "authority");
    const meta = { ip: "10.1.0.1", userAgent: "vitest", now };
    const { token } = await database.db.transaction((tx) => createSession(tx, userId, meta));
    return createCaller(
      createContext({
        database,
        requestId: "workflow-test",
        ip: "10.1.0.1",
        userAgent: "vitest",
        sessionToken: token,
        cookies: { set: () => {}, clear: () => {} },
        now: () => now,
      }),
    );
  }

  it("opens a notice no earlier than the day it is published, for at least the module's working days (common.publicity)", async () => {
    const minimum = hunan.settings.find((s) => s.relatesTo === "common.publicity")!.value;
    expect(minimum).toBe(5);
    const tryOpen = async (authority: Api, opensOn: string, closesOn: string) => {
      const app = await placeApplication(database, hunan, "site-visit", fixture);
      await database.db
        .delete(schema.publicityNotices)
        .where(eq(schema.publicityNotices.applicationId, app.id));
      const answer = await authority.publicity
        .open({
          applicationId: app.id,
          expectedVersion: app.version,
          title: "公示",
          body: "公示内容",
          opensOn,
          closesOn,
        })
        .then(
          () => "OK",
          (e: unknown) => e,
        );
      const notices = await database.db
        .select()
        .from(schema.publicityNotices)
        .where(eq(schema.publicityNotices.applicationId, app.id));
      const [stored] = await database.db
        .select()
        .from(schema.applications)
        .where(eq(schema.applications.id, app.id));
      if (answer === "OK") {
        expect(notices.map((n) => [n.opensOn, n.closesOn])).toEqual([[opensOn, closesOn]]);
        return "OK";
      }
      // A refusal stores nothing, moves nothing, and is audited with the rule.
      expect(notices).toEqual([]);
      expect(stored!.stage).toBe("site-visit");
      const audits = await database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.objectId, app.id));
      expect(audits.map((a) => [a.action, a.result, a.ruleId])).toEqual([
        ["application.open-publicity", "denied", "common.publicity"],
      ]);
      const error = answer as TRPCError;
      expect(error.message).toContain("common.publicity, hn-tic-2020 五(三)");
      return `${error.code}: ${error.message}`;
    };
    // Wednesday 2 December 2026, 10:00 in China (the finding: a notice for 20–26 November opened that day).
    const december = await authorityAt("2026-12-02T02:00:00Z");
    expect(await tryOpen(december, "2026-11-20", "2026-11-26")).toMatch(/^BAD_REQUEST: .*早于发布当日/);
    expect(await tryOpen(december, "2026-12-01", "2026-12-31")).toMatch(/^BAD_REQUEST: .*早于发布当日/);
    expect(await tryOpen(december, "2026-12-02", "2026-12-07")).toMatch(/^BAD_REQUEST: .*不得少于5个工作日/);
    expect(await tryOpen(december, "2026-12-02", "2026-12-08")).toBe("OK");
    expect(await tryOpen(december, "2026-12-03", "2026-12-09")).toBe("OK");
    // 30 September 2026: National Day takes 1–7 October; 10 October (a Saturday) is worked.
    const september = await authorityAt("2026-09-30T02:00:00Z");
    expect(await tryOpen(september, "2026-09-30", "2026-10-11")).toMatch(/^BAD_REQUEST: .*仅含4个工作日/);
    expect(await tryOpen(september, "2026-09-30", "2026-10-12")).toBe("OK");
  });

  it("offers the notice form today through the minimum, on the server's clock, only within scope", async () => {
    const app = await placeApplication(database, hunan, "site-visit", fixture);
    const december = await authorityAt("2026-12-02T15:59:00Z"); // 23:59 in China
    expect(await december.publicity.window({ applicationId: app.id })).toEqual({
      today: "2026-12-02",
      opensOn: "2026-12-02",
      closesOn: "2026-12-08",
      minimumWorkingDays: 5,
      clause: "common.publicity, hn-tic-2020 五(三)",
    });
    expect(await outcome(as["authority-nm"].publicity.window({ applicationId: app.id }))).toBe("NOT_FOUND");
  });
});
