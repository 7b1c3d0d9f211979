import { deflateRawSync } from "node:zlib";
import { type Database, type DemoAccount, schema } from "@kechuang/db";
import type { PolicyModule } from "@kechuang/domain";
import { flattenSections } from "@kechuang/domain";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { createCaller } from "../root";
import { createContext } from "../trpc";

/** Test-only helpers for the workflow suites: signed-in callers and fixtures written straight to tables. */

export type Api = ReturnType<typeof createCaller>;

export function callerWith(
  database: Database,
  token: string | null,
  ip = "10.1.0.1",
  onToken?: (t: string) => void,
  /** The clock the API reads (`ctx.now`): tests set it to move "today" across years. */
  now?: () => Date,
): Api {
  return createCaller(
    createContext({
      database,
      requestId: "workflow-test",
      ip,
      userAgent: "vitest",
      sessionToken: token,
      cookies: { set: (t) => onToken?.(t), clear: () => {} },
      ...(now ? { now } : {}),
    }),
  );
}

/** Signs in (at `now`, when given: the session then lives on that clock). */
export async function signIn(database: Database, account: DemoAccount, now?: () => Date): Promise<Api> {
  let token: string | null = null;
  const totp = account.totpSecret
    ? await generate({
        secret: account.totpSecret,
        ...(now ? { epoch: Math.floor(now().getTime() / 1000) } : {}),
      })
    : undefined;
  await callerWith(
    database,
    null,
    "10.1.0.1",
    (t) => {
      token = t;
    },
    now,
  ).auth.signIn({ username: account.username, password: account.password, totp });
  if (!token) throw new Error(`sign-in failed for ${account.username}`);
  return callerWith(database, token, "10.1.0.1", undefined, now);
}

/** A complete plan for an outline: every field of every section with a valid value. */
export function completePlan(module: PolicyModule): Record<string, Record<string, unknown>> {
  const plan: Record<string, Record<string, unknown>> = {};
  for (const section of module.outline ? flattenSections(module.outline) : []) {
    if (section.fields.length === 0) continue;
    plan[section.id] = Object.fromEntries(
      section.fields.map((f) => {
        const value = { text: "示例", longtext: "示例内容", number: 1, cny: 1, date: "2024-01-01" }[f.type];
        return [f.id, value];
      }),
    );
  }
  return plan;
}

export interface Fixture {
  organizationId: string;
  recommenderArea: string;
  /** Experts to seat, one per required seat (the first one is the signed-in test expert). */
  expertIds: string[];
  recordedBy: string;
}

/**
 * The seeded applicant's organization and area, and enough experts (the seeded "expert" first, then
 * fixture experts) that a placed application's panel can fill every seat a module requires.
 */
export async function createFixture(database: Database): Promise<Fixture> {
  const [applicantRow] = await database.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.username, "applicant"));
  const extra = await database.db
    .insert(schema.users)
    .values(
      [1, 2, 3, 4].map((n) => ({
        username: `fixture-expert-${n}`,
        displayName: `专家${n}`,
        role: "expert",
        passwordHash: "unused",
      })),
    )
    .returning({ id: schema.users.id });
  return {
    organizationId: applicantRow!.organizationId!,
    recommenderArea: "430200",
    expertIds: [await userIdOf(database, "expert"), ...extra.map((e) => e.id)],
    recordedBy: await userIdOf(database, "authority"),
  };
}

/** Writes an application directly in `stage`, with every guard's data in place (panel, opinions, visit, notice). */
export async function placeApplication(
  database: Database,
  module: PolicyModule,
  stage: string,
  f: Fixture,
): Promise<{ id: string; version: number }> {
  const db = database.db;
  const [app] = await db
    .insert(schema.applications)
    .values({
      policyId: module.id,
      kind: module.kinds[0]!,
      title: "测试材料",
      organizationId: f.organizationId,
      recommenderArea: f.recommenderArea,
      stage,
      plan: completePlan(module),
      facts: { kind: module.kinds[0]! },
    })
    .returning({ id: schema.applications.id, version: schema.applications.version });
  const seats = module.panel?.requiredExpertise.length
    ? [...module.panel.requiredExpertise]
    : ["technical" as const];
  const experts = f.expertIds.slice(0, Math.max(seats.length, 1));
  await db
    .insert(schema.panelMembers)
    .values(
      experts.map((expertId, i) => ({ applicationId: app!.id, expertId, seat: seats[i] ?? "technical" })),
    );
  await db.insert(schema.opinions).values(
    experts.map((expertId) => ({
      applicationId: app!.id,
      expertId,
      stage,
      recommendation: "support",
      text: "同意",
      scores: [],
    })),
  );
  await db.insert(schema.siteVisits).values({
    applicationId: app!.id,
    stage,
    visitedOn: "2024-01-01",
    location: "现场",
    participantIds: [f.recordedBy],
    findings: "良好",
    conclusion: "satisfactory",
    recordedBy: f.recordedBy,
  });
  await db.insert(schema.publicityNotices).values({
    applicationId: app!.id,
    policyId: module.id,
    title: "公示",
    body: "公示内容",
    opensOn: "2000-01-01",
    closesOn: "2000-01-10",
  });
  return app!;
}

export async function userIdOf(database: Database, username: string): Promise<string> {
  const [row] = await database.db.select().from(schema.users).where(eq(schema.users.username, username));
  return row!.id;
}

/** A minimal zip (stored or deflated entries) for attachment tests. */
export function buildZip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
