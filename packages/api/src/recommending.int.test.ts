import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { policyModules } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, completePlan, signIn } from "./workflow/testing";

/**
 * Who recommends an application (issue 9 F15): a body from its policy's list, picked by the applicant and
 * checked by the server. And whose an unsent draft is (F10): the applicant's alone, until submitted.
 */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "OK", message: "" }),
    (e: unknown) => ({
      code: e instanceof TRPCError ? e.code : `THROWN ${String(e)}`,
      message: e instanceof Error ? e.message : "",
    }),
  );
const missingId = "00000000-0000-4000-8000-000000000000";
const moduleOf = (id: string) => policyModules.find((m) => m.id === id)!;

describe.each(testDatabases())("recommending bodies and drafts on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  const as = {} as Record<"applicant" | "recommender" | "recommender-nm" | "authority-nm", Api>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    for (const name of ["applicant", "recommender", "recommender-nm", "authority-nm"] as const) {
      as[name] = await signIn(database, accounts.find((a) => a.username === name)!);
    }
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const applicationCount = async () => (await database.db.select().from(schema.applications)).length;
  const stored = async (id: string) =>
    (await database.db.select().from(schema.applications).where(eq(schema.applications.id, id)))[0]!;
  /** Fills the plan and sends the draft in, as the applicant. */
  const sendIn = async (id: string, policyId: string) => {
    const { version } = await as.applicant.applications.get({ applicationId: id });
    const saved = await as.applicant.applications.saveDraft({
      applicationId: id,
      expectedVersion: version,
      plan: completePlan(moduleOf(policyId)),
    });
    await as.applicant.applications.submit({ applicationId: id, expectedVersion: saved.version });
  };

  it("refuses a recommending body outside the policy's list, or none, naming the clause; creates nothing", async () => {
    const before = await applicationCount();
    // The Zhuzhou company (Hunan) under Inner Mongolia's and Anshun's policies: 株洲 may not recommend there.
    const nm = await refusal(
      as.applicant.applications.create({
        policyId: "nm-tic-2020",
        kind: "tech-innovation-center",
        title: "内蒙古自治区陶瓷技术创新中心",
        recommenderAreaCode: "430200",
      }),
    );
    expect(nm.code).toBe("BAD_REQUEST");
    expect(nm.message).toContain("nm-tic-2020 三(四)1");
    expect(nm.message).toContain("盟市政府、自治区有关部门等推荐");
    const anshun = await refusal(
      as.applicant.applications.create({
        policyId: "as-plat-2021",
        kind: "city-platform",
        title: "安顺市陶瓷创新平台",
        recommenderAreaCode: "430200",
      }),
    );
    expect(anshun).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("as-plat-2021 二(二)"),
    });
    // No body named: no default to the applicant's own area any more.
    const none = await refusal(
      as.applicant.applications.create({
        policyId: "hn-tic-2020",
        kind: "tech-innovation-center",
        title: "湖南省无推荐技术创新中心",
      }),
    );
    expect(none).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("hn-tic-2020 五(一)"),
    });
    // A policy nobody recommends under takes no recommending body either.
    const sichuan = await refusal(
      as.applicant.applications.create({
        policyId: "sc-tic-2018",
        kind: "tech-innovation-center",
        title: "四川省技术创新中心",
        recommenderAreaCode: "510100",
      }),
    );
    expect(sichuan).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("sc-tic-2018") });
    expect(await applicationCount()).toBe(before);
  });

  it("sends each policy's list with the policy, citing its clause; none where nobody recommends", async () => {
    const nm = await as.applicant.policies.get({ policyId: "nm-tic-2020" });
    expect(nm.recommendation?.citation.clause).toBe("三(四)1");
    expect(nm.recommendation?.bodies.map((b) => b.code)).toContain("150200");
    expect(nm.recommendation?.bodies.every((b) => b.code.startsWith("15"))).toBe(true);
    const hunan = await as.applicant.policies.get({ policyId: "hn-tic-2020" });
    expect(hunan.recommendation?.bodies).toHaveLength(14);
    expect((await as.applicant.policies.get({ policyId: "sc-tic-2018" })).recommendation).toBeNull();
  });

  it("files the picked body, and only that body's recommender sees the application once it is sent in", async () => {
    const created = await as.applicant.applications.create({
      policyId: "nm-tic-2020",
      kind: "tech-innovation-center",
      title: "内蒙古自治区稀土陶瓷技术创新中心",
      recommenderAreaCode: "150200",
    });
    expect((await stored(created.id)).recommenderArea).toBe("150200");
    await sendIn(created.id, "nm-tic-2020");
    expect(await refusal(as["recommender-nm"].applications.get({ applicationId: created.id }))).toMatchObject(
      {
        code: "OK",
      },
    );
    expect((await as["recommender-nm"].review.queue()).map((i) => i.applicationId)).toContain(created.id);
    // 株洲市 (the applicant's own city) has nothing to do with an Inner Mongolia application.
    expect(await refusal(as.recommender.applications.get({ applicationId: created.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await as.recommender.review.queue()).map((i) => i.applicationId)).not.toContain(created.id);
  });

  it("files no recommending area where nobody recommends: no recommender ever sees it", async () => {
    const created = await as.applicant.applications.create({
      policyId: "sc-tic-2018",
      kind: "tech-innovation-center",
      title: "四川省先进陶瓷技术创新中心",
    });
    expect((await stored(created.id)).recommenderArea).toBe("");
    await sendIn(created.id, "sc-tic-2018");
    for (const recommender of [as.recommender, as["recommender-nm"]]) {
      expect(await refusal(recommender.applications.get({ applicationId: created.id }))).toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("answers the recommender of the area the same 404 for an unsent draft as for a missing record", async () => {
    const created = await as.applicant.applications.create({
      policyId: "hn-tic-2020",
      kind: "tech-innovation-center",
      title: "湖南省草稿技术创新中心",
      recommenderAreaCode: "430200",
    });
    const { recommender } = as;
    const missing = await refusal(recommender.applications.get({ applicationId: missingId }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(await refusal(recommender.applications.get({ applicationId: created.id }))).toEqual(missing);
    expect(await refusal(recommender.applications.versions({ applicationId: created.id }))).toEqual(
      await refusal(recommender.applications.versions({ applicationId: missingId })),
    );
    expect(await refusal(recommender.attachments.list({ applicationId: created.id }))).toEqual(
      await refusal(recommender.attachments.list({ applicationId: missingId })),
    );
    expect(await refusal(recommender.review.opinions({ applicationId: created.id }))).toEqual(
      await refusal(recommender.review.opinions({ applicationId: missingId })),
    );
    const lists = async () =>
      [...(await recommender.review.queue()), ...(await recommender.notifications.waiting())].map(
        (i) => i.applicationId,
      );
    expect(await lists()).not.toContain(created.id);
    // Sent in, it is the recommender's to read and to act on.
    await sendIn(created.id, "hn-tic-2020");
    expect((await recommender.applications.get({ applicationId: created.id })).stage).toBe("submitted");
    expect(await lists()).toContain(created.id);
  });
});
