import { appRouter, permissions } from "@kechuang/api";
import { type DemoAccount, schema, tableChecksums } from "@kechuang/db";
import type { Actor } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRateLimits } from "./env";
import { account, startTestApp, TrpcClient } from "./testing";

/**
 * Record scope as a property: for generated (user, record) pairs where the record is outside the user's
 * scope — another organization for an applicant, another area for a recommender, not on the panel for an
 * expert — every procedure the user's role may call with that record's id refuses or answers without it,
 * and no list the user can read contains the id of any record outside their scope.
 *
 * Platforms (after approval, issue 10) are records too, with their own scope computed here from the tables
 * (packages/api/src/after-approval/scope.ts): applicant — its organization leads the platform; recommender —
 * the platform came through its area; authority — its jurisdiction's module; expert — seated on one of the
 * platform's evaluations. Reads are probed with `{ platformId }`, writes through "platform" recipes, and no
 * signed-in list may show a foreign platform's id — except procedures open to everyone (the public
 * register lists every platform by design).
 */
type ScopedRole = "applicant" | "recommender" | "expert" | "authority";
type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const allowedFor = (path: string, role: Actor) =>
  ((permissions as Record<string, readonly Actor[] | undefined>)[path] ?? []).includes(role);

/** A small real PDF: uploads are sniffed by content. */
const tinyPdfBase64 = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
).toString("base64");

interface ScopedUser {
  username: string;
  role: ScopedRole;
  client: TrpcClient;
  /** Ids of the applications this user may see. */
  inScope: Set<string>;
  /** Ids of the platforms this user may see. */
  platformsInScope: Set<string>;
  id: string;
}

interface WriteTarget {
  user: ScopedUser;
  record: typeof schema.applications.$inferSelect;
  free: string;
  objectionIds: string[];
  notificationIds: number[];
}
type WriteAttempt = { input: unknown; expect?: { status: number; body?: string } };
/**
 * A platform outside the caller's scope. `years`: the years of its (non-exempt) annual-report obligations,
 * so report inputs would be valid for an own platform; add what other platform-scoped writes need here.
 */
interface PlatformTarget {
  user: ScopedUser;
  platform: typeof schema.platforms.$inferSelect;
  free: string;
  years: number[];
  /** The platform's evaluations and rectifications (one of each is made per platform in beforeAll). */
  evaluationIds: string[];
  rectificationIds: string[];
  /** The platform's annual reports (a draft is made per platform with a report due, in beforeAll). */
  reportIds: string[];
  /** The platform's replicable experiences (the demo seeds them for the Chengdu zone). */
  experienceIds: string[];
  /** The platform's change requests (one pending per platform with change kinds, in beforeAll). */
  changeRequestIds: string[];
}
/**
 * Every mutation of the router, derived from it (the first write test checks the keys match exactly): how
 * to aim it at a record outside the caller's scope with an input that would be valid for an own record,
 * or why it takes no record. Refusals must be 404, exactly as for a record that does not exist.
 */
type WriteRecipe =
  | {
      kind: "record";
      inputs: (t: WriteTarget) => WriteAttempt[];
      /** The same procedure aimed at a record a platform holds (an annual report's attachments). */
      platformInputs?: (t: PlatformTarget) => WriteAttempt[];
    }
  /** Aimed at every platform outside the caller's platform scope (after approval). */
  | { kind: "platform"; inputs: (t: PlatformTarget) => WriteAttempt[] }
  | { kind: "no-record"; reason: string }
  | { kind: "administrators"; reason: string };

const chinaDay = (plusDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
const base = (t: WriteTarget) => ({
  applicationId: t.record.id,
  expectedVersion: t.record.version,
  idempotencyKey: `scope-${t.free}-key`,
});
/** One attempt per obligation year of the platform (most recent first, at most two: enough to aim). */
const reportYears = (t: PlatformTarget) => t.years.slice(-2);
const reportKey = (t: PlatformTarget, yearCovered: number) => ({ platformId: t.platform.id, yearCovered });
/** A change valid for an own platform of the same module. */
const changeOf = (t: PlatformTarget) => {
  const kinds = registry.get(t.platform.policyId)!.changeKinds ?? [];
  const kind = kinds.find((k) => k.subjects.includes("name")) ?? kinds[0];
  return kind?.subjects.includes("name")
    ? { changeKindId: kind.id, payload: { subject: "name", name: t.free } }
    : { changeKindId: kind?.id ?? "charter-change", payload: null };
};
const adminOnly = {
  kind: "administrators",
  reason: "accounts and sessions (三员分立): no scoped role may call it",
} as const;

const writeRecipes: Record<string, WriteRecipe> = {
  "auth.signIn": { kind: "no-record", reason: "credentials only; opens the caller's own session" },
  "auth.signOut": { kind: "no-record", reason: "ends the caller's own session" },
  "account.changePassword": { kind: "no-record", reason: "the caller's own password" },
  "applications.create": {
    kind: "no-record",
    reason: "makes a new record in the caller's own organization; takes no record id",
  },
  "policies.check": {
    kind: "no-record",
    reason: "evaluates the facts it is given; reads and writes no record",
  },
  "publicity.object": {
    kind: "no-record",
    reason:
      "public by design (common.publicity): anyone may object to an open notice; rate limited per address",
  },
  "applications.saveDraft": { kind: "record", inputs: (t) => [{ input: { ...base(t), title: t.free } }] },
  "applications.submit": { kind: "record", inputs: (t) => [{ input: base(t) }] },
  "applications.transition": {
    kind: "record",
    // Every action the role has in the record's module, from whatever stage: scope is checked first.
    inputs: (t) =>
      [
        ...new Set(
          registry
            .get(t.record.policyId)!
            .workflow.transitions.filter((tr) => tr.roles.includes(t.user.role))
            .map((tr) => tr.action),
        ),
      ].map((action) => ({ input: { ...base(t), action, reason: t.free } })),
  },
  "attachments.upload": {
    kind: "record",
    inputs: (t) => [
      { input: { applicationId: t.record.id, fileName: `${t.free}.pdf`, contentBase64: tinyPdfBase64 } },
    ],
    platformInputs: (t) =>
      t.reportIds.map((annualReportId) => ({
        input: { annualReportId, fileName: `${t.free}.pdf`, contentBase64: tinyPdfBase64 },
      })),
  },
  "review.assignExpert": {
    kind: "record",
    inputs: (t) => [{ input: { applicationId: t.record.id, expertId: t.user.id, seat: "technical" } }],
  },
  "review.submitOpinion": {
    kind: "record",
    inputs: (t) => [{ input: { ...base(t), recommendation: "support", text: t.free, scores: [] } }],
  },
  "review.recordSiteVisit": {
    kind: "record",
    inputs: (t) => [
      {
        input: {
          applicationId: t.record.id,
          visitedOn: chinaDay(),
          location: t.free,
          participantIds: [t.user.id],
          findings: t.free,
          conclusion: "satisfactory",
          idempotencyKey: `scope-${t.free}-key`,
        },
      },
    ],
  },
  "publicity.open": {
    kind: "record",
    inputs: (t) => [
      { input: { ...base(t), title: t.free, body: t.free, opensOn: chinaDay(), closesOn: chinaDay(30) } },
    ],
  },
  "publicity.resolveObjection": {
    kind: "record",
    inputs: (t) =>
      t.objectionIds.flatMap((objectionId) =>
        (["dismissed", "upheld"] as const).map((outcome) => ({
          input: { objectionId, outcome, reason: t.free, idempotencyKey: `scope-${t.free}-key` },
        })),
      ),
  },
  "notifications.markRead": {
    kind: "record",
    // Other users' ids are ignored rather than refused: nothing is marked, and nothing says they exist.
    inputs: (t) =>
      t.notificationIds.length === 0
        ? []
        : [{ input: { ids: t.notificationIds }, expect: { status: 200, body: '"marked":0' } }],
  },
  "annualReports.saveDraft": {
    kind: "platform",
    inputs: (t) =>
      reportYears(t).map((y) => ({
        input: { ...reportKey(t, y), content: { sections: { x: t.free } }, expectedVersion: 1 },
      })),
  },
  "annualReports.submit": {
    kind: "platform",
    inputs: (t) => reportYears(t).map((y) => ({ input: { ...reportKey(t, y), expectedVersion: 1 } })),
  },
  "annualReports.check": {
    kind: "platform",
    inputs: (t) =>
      reportYears(t).flatMap((y) =>
        (["checked", "returned"] as const).map((outcome) => ({
          input: { ...reportKey(t, y), expectedVersion: 1, outcome, reason: t.free },
        })),
      ),
  },
  "annualReports.decide": {
    kind: "platform",
    inputs: (t) =>
      reportYears(t).flatMap((y) =>
        (["accepted", "returned"] as const).map((outcome) => ({
          input: { ...reportKey(t, y), expectedVersion: 1, outcome, reason: t.free },
        })),
      ),
  },
  "evaluations.openRound": {
    kind: "platform",
    inputs: (t) => [{ input: { platformIds: [t.platform.id], title: t.free } }],
  },
  "evaluations.assignExpert": {
    kind: "platform",
    inputs: (t) => t.evaluationIds.map((evaluationId) => ({ input: { evaluationId, expertId: t.user.id } })),
  },
  "evaluations.recordThirdParty": {
    kind: "platform",
    inputs: (t) =>
      t.evaluationIds.map((evaluationId) => ({ input: { evaluationId, evaluatorName: t.free } })),
  },
  "evaluations.saveMaterial": {
    kind: "platform",
    inputs: (t) =>
      t.evaluationIds.map((evaluationId) => ({
        input: { evaluationId, material: { general: { data: [], material: t.free } } },
      })),
  },
  "evaluations.grade": {
    kind: "platform",
    inputs: (t) =>
      t.evaluationIds.map((evaluationId) => ({
        input: {
          evaluationId,
          gradeId: registry.get(t.platform.policyId)!.evaluation?.grades[0]?.id ?? null,
          findings: t.free,
          conductedOn: chinaDay(),
        },
      })),
  },
  "evaluations.respondToRectification": {
    kind: "platform",
    inputs: (t) =>
      t.rectificationIds.map((rectificationId) => ({ input: { rectificationId, response: t.free } })),
  },
  "evaluations.openReEvaluation": {
    kind: "platform",
    inputs: (t) => t.rectificationIds.map((rectificationId) => ({ input: { rectificationId } })),
  },
  "evaluations.delist": {
    kind: "platform",
    inputs: (t) => [
      {
        input: {
          platformId: t.platform.id,
          groundIds: [registry.get(t.platform.policyId)!.evaluation?.delistingGrounds?.[0]?.id ?? "fraud"],
          verification: t.free,
          decidedOn: chinaDay(),
        },
      },
    ],
  },
  // Change requests (issue 11): a rename where the module has one (else its first kind; scope refuses first).
  "changes.check": {
    kind: "platform",
    inputs: (t) => [{ input: { platformId: t.platform.id, ...changeOf(t) } }],
  },
  "changes.submit": {
    kind: "platform",
    inputs: (t) => [{ input: { platformId: t.platform.id, ...changeOf(t), description: t.free } }],
  },
  "changes.decide": {
    kind: "platform",
    inputs: (t) =>
      t.changeRequestIds.flatMap((changeRequestId) =>
        (["approved", "rejected"] as const).map((outcome) => ({
          input: { changeRequestId, outcome, reason: t.free },
        })),
      ),
  },
  "targets.recordRecognition": {
    kind: "platform",
    inputs: (t) => [
      {
        input: {
          platformId: t.platform.id,
          typeId: registry.get(t.platform.policyId)!.targets?.types[0]?.id ?? "academician-workstation",
          tier: "provincial",
          recognizedOn: chinaDay(),
          documentNumber: t.free,
        },
      },
    ],
  },
  // Jurisdiction-scoped: aimed at the joint meeting of the foreign platform's policy (Anshun's, for any
  // other jurisdiction's authority), with a seat that exists there.
  "targets.setJointMeetingMember": {
    kind: "platform",
    inputs: (t) => [
      {
        input: {
          policyId: t.platform.policyId,
          seatId: registry.get(t.platform.policyId)!.jointMeeting?.seats[0]?.id ?? "convener",
          name: t.free,
          department: t.free,
          since: chinaDay(),
        },
      },
    ],
  },
  // Replicable experiences (issue 11, sc-zone 五(五)): a new draft on the platform, then each of its experiences.
  "experiences.save": {
    kind: "platform",
    inputs: (t) => [{ input: { platformId: t.platform.id, title: t.free, body: t.free } }],
  },
  "experiences.submit": {
    kind: "platform",
    inputs: (t) => t.experienceIds.map((id) => ({ input: { id } })),
  },
  "experiences.publish": {
    kind: "platform",
    inputs: (t) => t.experienceIds.map((id) => ({ input: { id, promoted: true } })),
  },
  "experiences.return": {
    kind: "platform",
    inputs: (t) => t.experienceIds.map((id) => ({ input: { id, reason: t.free } })),
  },
  "admin.accounts.create": adminOnly,
  "admin.accounts.setRole": adminOnly,
  "admin.accounts.setDisabled": adminOnly,
  "security.unlock": adminOnly,
  "security.revokeSession": adminOnly,
  "security.setAdministratorDisabled": adminOnly,
};

describe("record scope (property tests over the seeded data)", () => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  const users: ScopedUser[] = [];
  let recordIds: string[] = [];
  let platformIds: string[] = [];

  beforeAll(async () => {
    // Every cross-scope upload (applications and annual reports) must reach the scope check, not the
    // per-address upload budget (security.int.test.ts proves the throttle).
    ({ app, accounts } = await startTestApp("pglite", {
      rateLimits: { ...defaultRateLimits, upload: 10_000 },
    }));
    const db = app.database.db;
    const records = await db.select().from(schema.applications);
    recordIds = records.map((r) => r.id);
    const panel = await db.select().from(schema.panelMembers);
    const platforms = await db.select().from(schema.platforms);
    platformIds = platforms.map((p) => p.id);
    const seats = await db
      .select({ expertId: schema.evaluationExperts.expertId, platformId: schema.evaluations.platformId })
      .from(schema.evaluationExperts)
      .innerJoin(schema.evaluations, eq(schema.evaluations.id, schema.evaluationExperts.evaluationId));
    const people = await db
      .select()
      .from(schema.users)
      .where(inArray(schema.users.role, ["applicant", "recommender", "expert", "authority"]));
    for (const person of people) {
      const role = person.role as ScopedRole;
      const inScope = new Set(
        records
          .filter((r) =>
            role === "applicant"
              ? r.organizationId === person.organizationId
              : role === "recommender"
                ? r.stage !== "draft" && r.recommenderArea === person.areaCode
                : role === "authority"
                  ? r.stage !== "draft" && registry.get(r.policyId)!.jurisdiction.code === person.areaCode
                  : panel.some((p) => p.applicationId === r.id && p.expertId === person.id),
          )
          .map((r) => r.id),
      );
      const platformsInScope = new Set(
        platforms
          .filter((p) =>
            role === "applicant"
              ? p.leadOrgId === person.organizationId
              : role === "recommender"
                ? p.recommenderArea !== null && p.recommenderArea === person.areaCode
                : role === "authority"
                  ? registry.get(p.policyId)!.jurisdiction.code === person.areaCode
                  : seats.some((s) => s.platformId === p.id && s.expertId === person.id),
          )
          .map((p) => p.id),
      );
      const client = new TrpcClient(app);
      const credentials = account(accounts, person.username);
      const totp = credentials.totpSecret ? await generate({ secret: credentials.totpSecret }) : undefined;
      // Each person from their own address: sign-in is rate limited per address.
      const response = await client.call(
        "mutation",
        "auth.signIn",
        { username: person.username, password: credentials.password, ...(totp ? { totp } : {}) },
        { remoteAddress: `10.9.0.${users.length + 1}` },
      );
      expect(response.statusCode, person.username).toBe(200);
      users.push({ username: person.username, role, client, inScope, platformsInScope, id: person.id });
    }
    // Something for the id-taking writes to aim at: an open objection on every notice, and a notification
    // about every record to each user who has it in scope.
    const notices = await db.select().from(schema.publicityNotices);
    if (notices.length > 0) {
      await db.insert(schema.objections).values(
        notices.map((n) => ({
          noticeId: n.id,
          objectorName: "范围测试",
          objectorContact: "scope@example.com",
          grounds: "用于记录范围测试的异议内容。",
          sourceIp: "10.9.9.9",
          submittedAt: new Date(),
        })),
      );
    }
    const notes = users.flatMap((u) =>
      [...u.inScope].map((applicationId) => ({
        userId: u.id,
        applicationId,
        kind: "action-needed",
        stage: records.find((r) => r.id === applicationId)!.stage,
      })),
    );
    if (notes.length > 0) await db.insert(schema.notifications).values(notes);
    // Something for the evaluation writes to aim at: an open evaluation (no expert seated, so no one's
    // scope changes) and an open rectification on every platform whose module evaluates.
    for (const platform of platforms) {
      const evaluation = registry.get(platform.policyId)?.evaluation;
      if (!evaluation) continue;
      const [row] = await db
        .insert(schema.evaluations)
        .values({
          platformId: platform.id,
          policyId: platform.policyId,
          kind: "periodic",
          periodFrom: platform.approvedOn,
          periodTo: platform.approvedOn,
          evaluator: evaluation.thirdParty ? "third-party" : "experts",
          ruleId: evaluation.ruleId,
        })
        .returning({ id: schema.evaluations.id });
      await db.insert(schema.rectifications).values({
        platformId: platform.id,
        evaluationId: row!.id,
        reason: "范围测试",
        startsOn: platform.approvedOn,
        dueOn: platform.approvedOn,
        ruleId: evaluation.rectificationRuleId ?? evaluation.ruleId,
      });
    }
    // A draft annual report for the latest year each platform owes one: a holder of attachments to aim at.
    const owed = await db.select().from(schema.platformObligations);
    for (const platform of platforms) {
      const years = owed
        .filter((o) => o.platformId === platform.id && o.kind === "annual-report" && !o.exempt)
        .map((o) => o.yearCovered!);
      if (years.length === 0) continue;
      await db
        .insert(schema.annualReports)
        .values({ platformId: platform.id, yearCovered: Math.max(...years), status: "draft" })
        .onConflictDoNothing();
    }
    // A pending change request per platform whose module has change kinds: a record for changes.decide.
    const filer = people.find((p) => p.role === "applicant")!;
    for (const platform of platforms) {
      const kind = registry.get(platform.policyId)!.changeKinds?.find((k) => k.mode === "approval");
      if (!kind) continue;
      await db.insert(schema.changeRequests).values({
        platformId: platform.id,
        changeKindId: kind.id,
        mode: kind.mode,
        status: "pending",
        ruleId: kind.ruleId,
        description: "范围测试",
        submittedBy: filer.id,
      });
    }
    // Sixteen argon2 sign-ins on a shared CI machine: more than the default hook budget.
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });

  it("has cross-scope pairs to test for every scoped role", () => {
    expect(recordIds.length).toBeGreaterThan(3);
    for (const role of ["applicant", "recommender", "expert", "authority"] as const) {
      const ofRole = users.filter((u) => u.role === role);
      expect(ofRole.length, role).toBeGreaterThan(0);
      expect(
        ofRole.some((u) => recordIds.some((id) => !u.inScope.has(id))),
        role,
      ).toBe(true);
    }
  });

  it("answers no procedure about a record outside the caller's scope", async () => {
    const pairs = users.flatMap((user) => [
      ...recordIds.filter((id) => !user.inScope.has(id)).map((id) => ({ user, id, platform: false })),
      ...platformIds
        .filter((id) => !user.platformsInScope.has(id))
        .map((id) => ({ user, id, platform: true })),
    ]);
    const leaks: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pairs), async ({ user, id, platform }) => {
        // Reads only: a write that merely failed validation proves nothing, and one that passed would change data.
        for (const [path, procedure] of procedures) {
          if (procedure._def.type !== "query" || !allowedFor(path, user.role)) continue;
          // The public register (open to everyone) shows every platform by design.
          if (platform && allowedFor(path, "anonymous")) continue;
          // `yearCovered`: last year's annual report, which every seeded platform's calendar includes.
          const lastYear = Number(chinaDay().slice(0, 4)) - 1;
          const inputs = [
            { applicationId: id },
            { id },
            { platformId: id },
            { platformId: id, yearCovered: lastYear },
          ];
          for (const input of inputs) {
            const response = await user.client.call("query", path, input);
            if (response.statusCode === 200 && response.body.includes(id))
              leaks.push(`${user.username} read ${path}(${JSON.stringify(input)}) of foreign ${id}`);
            if (response.statusCode >= 500) leaks.push(`${user.username} ${path} → ${response.statusCode}`);
          }
        }
        return true;
      }),
      { numRuns: Math.min(100, pairs.length), seed: 20_261_122 },
    );
    expect(leaks).toEqual([]);
  }, 300_000);

  it("has a write recipe for every mutation of the router, and for nothing else", () => {
    const mutations = procedures
      .filter(([, p]) => p._def.type === "mutation")
      .map(([path]) => path)
      .sort();
    // A new mutation fails here until it gets an input builder, or a reason why it takes no record.
    expect(Object.keys(writeRecipes).sort()).toEqual(mutations);
    for (const [path, recipe] of Object.entries(writeRecipes)) {
      if (recipe.kind !== "administrators") continue;
      for (const role of ["applicant", "recommender", "expert", "authority"] as const)
        expect(allowedFor(path, role), `${path} claims to be for administrators only`).toBe(false);
    }
  });

  it("lets no write through about a record outside the caller's scope, whatever else the input says", async () => {
    const db = app.database.db;
    const records = await db.select().from(schema.applications);
    const objections = await db
      .select({ id: schema.objections.id, applicationId: schema.publicityNotices.applicationId })
      .from(schema.objections)
      .innerJoin(schema.publicityNotices, eq(schema.publicityNotices.id, schema.objections.noticeId));
    const notifications = await db.select().from(schema.notifications);
    const platforms = await db.select().from(schema.platforms);
    const obligations = await db.select().from(schema.platformObligations);
    const evaluations = await db.select().from(schema.evaluations);
    const rectifications = await db.select().from(schema.rectifications);
    const reports = await db.select().from(schema.annualReports);
    const experiences = await db.select().from(schema.zoneExperiences);
    const changeRequests = await db.select().from(schema.changeRequests);
    const volatile = new Set(["audit_log", "sessions", "idempotency_keys"]);
    const stable = async () =>
      Object.fromEntries(Object.entries(await tableChecksums(db)).filter(([name]) => !volatile.has(name)));
    const before = await stable();
    const leaks: string[] = [];
    const attempted = new Map<string, number>();
    // Every cross-scope (user, record) pair, each with generated free text in its inputs.
    const text = fc.string({ minLength: 2, maxLength: 40 }).filter((s) => s.trim().length > 1);
    const [free] = fc.sample(text, { numRuns: 1, seed: 20_261_201 });
    for (const user of users) {
      for (const record of records.filter((r) => !user.inScope.has(r.id))) {
        const target: WriteTarget = {
          user,
          record,
          free: free!,
          objectionIds: objections.filter((o) => o.applicationId === record.id).map((o) => o.id),
          // Other people's notifications about the record (a user is notified only within scope).
          notificationIds: notifications
            .filter((n) => n.applicationId === record.id && n.userId !== user.id)
            .map((n) => n.id),
        };
        for (const [path, recipe] of Object.entries(writeRecipes)) {
          if (recipe.kind !== "record" || !allowedFor(path, user.role)) continue;
          for (const { input, expect: expected = { status: 404 } } of recipe.inputs(target)) {
            attempted.set(path, (attempted.get(path) ?? 0) + 1);
            const response = await user.client.call("mutation", path, input);
            if (response.statusCode !== expected.status)
              leaks.push(`${user.username} ${path} on foreign ${record.id} → ${response.statusCode}`);
            if (expected.body && !response.body.includes(expected.body))
              leaks.push(`${user.username} ${path} on foreign ${record.id} answered ${response.body}`);
            if (response.body.includes(record.title))
              leaks.push(`${user.username} ${path} echoed ${record.title}`);
          }
        }
      }
    }
    for (const user of users) {
      for (const platform of platforms.filter((p) => !user.platformsInScope.has(p.id))) {
        const target: PlatformTarget = {
          user,
          platform,
          free: free!,
          years: obligations
            .filter((o) => o.platformId === platform.id && o.kind === "annual-report" && !o.exempt)
            .map((o) => o.yearCovered!)
            .sort(),
          evaluationIds: evaluations.filter((e) => e.platformId === platform.id).map((e) => e.id),
          rectificationIds: rectifications.filter((r) => r.platformId === platform.id).map((r) => r.id),
          reportIds: reports.filter((r) => r.platformId === platform.id).map((r) => r.id),
          experienceIds: experiences.filter((e) => e.platformId === platform.id).map((e) => e.id),
          changeRequestIds: changeRequests.filter((c) => c.platformId === platform.id).map((c) => c.id),
        };
        for (const [path, recipe] of Object.entries(writeRecipes)) {
          const inputs =
            recipe.kind === "platform"
              ? recipe.inputs
              : recipe.kind === "record"
                ? recipe.platformInputs
                : undefined;
          if (!inputs || !allowedFor(path, user.role)) continue;
          const key = recipe.kind === "record" ? `${path} (platform)` : path;
          for (const { input, expect: expected = { status: 404 } } of inputs(target)) {
            attempted.set(key, (attempted.get(key) ?? 0) + 1);
            const response = await user.client.call("mutation", path, input);
            if (response.statusCode !== expected.status)
              leaks.push(
                `${user.username} ${path} on foreign platform ${platform.id} → ${response.statusCode}`,
              );
            if (expected.body && !response.body.includes(expected.body))
              leaks.push(
                `${user.username} ${path} on foreign platform ${platform.id} answered ${response.body}`,
              );
            if (response.body.includes(platform.name))
              leaks.push(`${user.username} ${path} echoed ${platform.name}`);
          }
        }
      }
    }
    // Every write that takes a record was tried on foreign records by some role that may call it.
    const recordWrites = Object.entries(writeRecipes).flatMap(([path, r]) =>
      r.kind === "platform" || r.kind === "record"
        ? [path, ...(r.kind === "record" && r.platformInputs ? [`${path} (platform)`] : [])]
        : [],
    );
    expect(recordWrites.filter((path) => !attempted.get(path))).toEqual([]);
    expect(leaks).toEqual([]);
    expect(await stable()).toEqual(before);
  }, 300_000);

  it("never shows a foreign record's id in anything the caller can list", async () => {
    const listings = procedures.filter(([, p]) => p._def.type === "query");
    const leaks: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...users), async (user) => {
        const foreign = recordIds.filter((id) => !user.inScope.has(id));
        const foreignPlatforms = platformIds.filter((id) => !user.platformsInScope.has(id));
        for (const [path] of listings) {
          if (!allowedFor(path, user.role)) continue;
          const response = await user.client.call("query", path);
          for (const id of foreign)
            if (response.body.includes(id)) leaks.push(`${user.username} saw ${id} in ${path}`);
          // The public register (open to everyone) lists every platform by design.
          if (allowedFor(path, "anonymous")) continue;
          for (const id of foreignPlatforms)
            if (response.body.includes(id)) leaks.push(`${user.username} saw platform ${id} in ${path}`);
        }
        return true;
      }),
      { numRuns: users.length * 2, seed: 20_261_122 },
    );
    expect(leaks).toEqual([]);
  }, 300_000);

  it("lets each user read their own records (the property is not vacuous)", async () => {
    const owner = users.find((u) => u.role === "applicant" && u.inScope.size > 0)!;
    const mine = await owner.client.data<{ id: string }[]>("query", "applications.listMine");
    expect(mine.map((r) => r.id).sort()).toEqual([...owner.inScope].sort());
    // Platforms too: the applicant of a platform's organization lists exactly its own platforms.
    const platformOwner = users.find((u) => u.role === "applicant" && u.platformsInScope.size > 0)!;
    const platforms = await platformOwner.client.data<{ id: string }[]>("query", "platformCalendar.mine");
    expect(platforms.map((p) => p.id).sort()).toEqual([...platformOwner.platformsInScope].sort());
    const recommender = users.find((u) => u.role === "recommender" && u.inScope.size > 0);
    if (recommender) {
      const [id] = [...recommender.inScope];
      expect(
        (await recommender.client.call("query", "applications.get", { applicationId: id })).body,
      ).toContain(id);
    }
  });
});
