import { appRouter, permissions } from "@kechuang/api";
import type { DemoAccount } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRateLimits } from "./env";
import { account, errorOf, startTestApp, TrpcClient } from "./testing";

type Procedure = { _def: { type: "query" | "mutation"; inputs: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

const sampleFacts = { kind: "tech-innovation-center", matchingRdFunds: 1000 };
const usernames: Record<string, string> = {
  applicant: "applicant",
  recommender: "recommender",
  expert: "expert",
  authority: "authority",
  "system-admin": "sysadmin",
  "security-admin": "secadmin",
  "audit-admin": "auditadmin",
};

describe.each(testDatabases())("API over HTTP on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  beforeAll(async () => {
    // Malformed input goes to every export procedure too: their shared per-address budget is not under test
    // here (security.int.test.ts tests it), and a run must not depend on how many calls fit in a minute.
    ({ app, accounts } = await startTestApp(kind, {
      rateLimits: { ...defaultRateLimits, export: 1_000_000 },
    }));
  });
  afterAll(async () => {
    await app.close();
  });

  // One signed-in client per actor: sign-in is rate limited per address and a TOTP code is accepted once.
  const signedIn = new Map<string, TrpcClient>();
  const clientAs = async (actor: string): Promise<TrpcClient> => {
    if (actor === "anonymous") return new TrpcClient(app);
    const known = signedIn.get(actor);
    if (known) return known;
    const client = new TrpcClient(app);
    const a = account(accounts, usernames[actor]!);
    const totp = a.totpSecret ? await generate({ secret: a.totpSecret }) : undefined;
    expect((await client.signIn(a.username, a.password, totp)).statusCode).toBe(200);
    signedIn.set(actor, client);
    return client;
  };

  it("lists approved platforms with jurisdiction names from the policy modules", async () => {
    const client = await clientAs("anonymous");
    const all = await client.data<
      { policyId: string; jurisdiction: { code: string; name: { zh: string } } }[]
    >("query", "platforms.listApproved");
    // Nine demo platforms, less Anshun's cultivation-pool entry (not an approved platform).
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.find((p) => p.policyId === "hn-tic-2020")!.jurisdiction).toEqual({
      code: "430000",
      name: { zh: "湖南省", en: "Hunan Province" },
    });
    const nm = await client.data<{ name: string; leadUnitName: string }[]>(
      "query",
      "platforms.listApproved",
      {
        policyId: "nm-tic-2020",
      },
    );
    expect(nm.map((p) => p.name)).toContain("内蒙古自治区稀土新材料技术创新中心");
  });

  it("serves the policy library, checks and schedules; unknown ids are 404 in both languages", async () => {
    const client = await clientAs("anonymous");
    const list = await client.data<{ id: string }[]>("query", "policies.list");
    expect(list.map((p) => p.id)).toEqual(
      expect.arrayContaining(["sc-tic-2018", "sc-zone-2018", "nm-tic-2020", "hn-tic-2020", "as-plat-2021"]),
    );
    const detail = await client.data<{
      source: { clauses: unknown[] };
      rules: { citation: { source: string } }[];
    }>("query", "policies.get", { policyId: "hn-tic-2020" });
    expect(detail.source.clauses.length).toBeGreaterThan(0);
    expect(detail.rules.every((r) => r.citation.source === "hn-tic-2020")).toBe(true);
    // Where a module fills a gap its source leaves, every reader is told (as-plat 二(二): no entry procedure).
    const localSetting = async (policyId: string) =>
      (await client.data<{ localSetting: { zh: string } | null }>("query", "policies.get", { policyId }))
        .localSetting;
    expect((await localSetting("as-plat-2021"))?.zh).toContain("未规定入库程序");
    await expect(localSetting("hn-tic-2020")).resolves.toBeNull();
    const check = await client.data<{ policyId: string; results: unknown[] }>("mutation", "policies.check", {
      policyId: "hn-tic-2020",
      facts: sampleFacts,
    });
    expect(check.policyId).toBe("hn-tic-2020");
    expect(check.results.length).toBeGreaterThan(0);
    const schedule = await client.data<{ kind: string }[]>("query", "policies.schedule", {
      policyId: "hn-tic-2020",
      approvedOn: "2021-07-15",
      years: 3,
    });
    expect(schedule.length).toBeGreaterThan(0);
    const unknown = await client.call("query", "policies.get", { policyId: "xx-tic-1999" });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).data.localizedMessage).toEqual({
      zh: "未找到政策：xx-tic-1999",
      en: "No such policy: xx-tic-1999",
    });
  });

  it("answers malformed input to every procedure with 400 and zod issues", async () => {
    const malformed: unknown[] = [
      42,
      "text",
      [1, 2],
      { policyId: 7, facts: "x", username: 5, password: [], kind: "castle" },
    ];
    const withInput = procedures.filter(([, p]) => p._def.inputs.length > 0);
    expect(withInput.length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    for (const [path, procedure] of withInput) {
      const allowed = permissions[path as keyof typeof permissions] as readonly string[];
      const client = await clientAs(allowed.includes("anonymous") ? "anonymous" : allowed[0]!);
      for (const payload of malformed) {
        const response = await client.call(procedure._def.type, path, payload);
        const error = response.statusCode === 400 ? errorOf(response) : undefined;
        if (!error?.data.zodIssues?.length)
          failures.push(`${path} ${JSON.stringify(payload)} → ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("exposes the policy checks over REST with an OpenAPI document", async () => {
    const list = await app.inject("/api/v1/policies");
    expect(list.statusCode).toBe(200);
    expect(list.headers["cache-control"]).toBe("public, no-cache");
    expect(list.json().length).toBeGreaterThanOrEqual(5);

    // No Origin needed (state-less), but JSON is.
    const post = (url: string, body: unknown, contentType = "application/json") =>
      app.inject({
        method: "POST",
        url,
        headers: { "content-type": contentType },
        payload: JSON.stringify(body),
      });
    const check = await post("/api/v1/policies/hn-tic-2020/check", { facts: sampleFacts });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ policyId: "hn-tic-2020" });
    expect(
      (await post("/api/v1/policies/hn-tic-2020/check", { facts: sampleFacts }, "text/plain")).statusCode,
    ).toBe(403);

    const schedule = await post("/api/v1/policies/nm-tic-2020/schedule", {
      approvedOn: "2021-04-12",
      years: 2,
    });
    expect(schedule.statusCode).toBe(200);
    expect(Array.isArray(schedule.json())).toBe(true);

    for (const id of ["xx-tic-1999", "nonsense"]) {
      const missing = await post(`/api/v1/policies/${id}/check`, { facts: sampleFacts });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.en).toContain(id);
    }
    const malformed = await post("/api/v1/policies/hn-tic-2020/schedule", {
      approvedOn: "15/07/2021",
      years: 0,
    });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(["approvedOn", "years"]);

    // Facts with only a kind: every rule that needs a figure says so, nothing crashes.
    const bare = (
      await post("/api/v1/policies/nm-tic-2020/check", { facts: { kind: "tech-innovation-center" } })
    ).json();
    expect(bare.outcome).toBe("needs-information");
    expect(bare.results.length).toBeGreaterThan(0);
    for (const result of bare.results) {
      expect(result.outcome).toBe("needs-information");
      expect(result.citation).toMatchObject({ source: "nm-tic-2020" });
      expect(result.message.zh.length * result.message.en.length).toBeGreaterThan(0);
    }

    // hn-tic.enterprise-rd at its boundary: a 3-year average of exactly 40,000,000 CNY passes, a yuan less fails.
    const rdOutcome = async (years: [number, number, number]) => {
      const facts = {
        kind: "tech-innovation-center",
        leadUnit: { type: "enterprise", industryLeader: true, rdExpenditureLast3Years: years },
      };
      const answer = (await post("/api/v1/policies/hn-tic-2020/check", { facts })).json();
      return answer.results.find((r: { ruleId: string }) => r.ruleId === "hn-tic.enterprise-rd").outcome;
    };
    expect(await rdOutcome([40_000_000, 40_000_000, 40_000_000])).toBe("pass");
    expect(await rdOutcome([40_000_000, 40_000_000, 39_999_997])).toBe("fail");

    // nm-tic.annual-report: approved on 30 June reports on that year by 31 March; approved on 1 July
    // ("after June") is exempt for that year.
    const firstReport = async (approvedOn: string) => {
      const obligations = (
        await post("/api/v1/policies/nm-tic-2020/schedule", { approvedOn, years: 2 })
      ).json();
      return obligations.find((o: { kind: string }) => o.kind === "annual-report");
    };
    expect(await firstReport("2021-06-30")).toMatchObject({
      yearCovered: 2021,
      dueOn: "2022-03-31",
      exempt: false,
      ruleId: "nm-tic.annual-report",
    });
    expect(await firstReport("2021-07-01")).toMatchObject({
      yearCovered: 2021,
      exempt: true,
      exemptRuleId: "nm-tic.annual-report",
    });

    const openapi = (await app.inject("/api/openapi.json")).json();
    expect(openapi.openapi).toBe("3.1.0");
    const body =
      openapi.paths["/api/v1/policies/{id}/check"].post.requestBody.content["application/json"].schema;
    expect(body.properties.facts.properties.kind.enum).toContain("tech-innovation-center");
  });
});
