import { expect } from "vitest";
import type { ApiSession } from "./apiSession";
import type { WorkflowHarness } from "./workflowHarness";

/**
 * The recommender's, experts' and authority's steps, each actor in their own signed-in session over the
 * tRPC HTTP API (the reviewer portal's screens were being built in parallel; see the report).
 */
// The few fields read here (e2e does not depend on @kechuang/api; the server is a black box to it).
type Application = { version: number; stage: string; title: string; availableActions: { action: string }[] };
type ExpertLoad = { expertId: string; expertise: string[]; conflict: { zh: string; en: string } | null };
type Panel = { requiredExpertise: string[]; missingExpertise: string[] };
export type TransitionOutcome = { to: string; version: number; designatedName: string | null };

export const getApplication = (session: ApiSession, applicationId: string) =>
  session.query<Application>("applications.get", { applicationId });

/** One step of the module's graph as `session`'s user, against the version just read. */
export async function act(session: ApiSession, applicationId: string, action: string, reason?: string) {
  const app = await getApplication(session, applicationId);
  expect(app.availableActions.map((a) => a.action)).toContain(action);
  const input = {
    applicationId,
    action,
    expectedVersion: app.version,
    idempotencyKey: crypto.randomUUID(),
    ...(reason ? { reason } : {}),
  };
  return session.mutate<TransitionOutcome>("applications.transition", input);
}

/**
 * The authority seats a panel covering the module's required expertise, one expert per seat and none with a
 * conflict of interest; returns the seated experts' user ids.
 */
export async function formPanel(h: WorkflowHarness, applicationId: string): Promise<string[]> {
  const authority = await h.as("authority");
  const panel = await authority.query<Panel>("review.panel", { applicationId });
  const loads = await authority.query<ExpertLoad[]>("review.expertLoads", { applicationId });
  const free = loads.filter((x) => x.conflict === null);
  const seating = seatExperts(panel.requiredExpertise, free);
  if (!seating)
    throw new Error(`no conflict-free seating for ${panel.requiredExpertise}: ${JSON.stringify(loads)}`);
  for (const [seat, expert] of seating) {
    await authority.mutate("review.assignExpert", { applicationId, expertId: expert.expertId, seat });
  }
  const after = await authority.query<Panel>("review.panel", { applicationId });
  expect(after.missingExpertise).toEqual([]);
  return seating.map(([, expert]) => expert.expertId);
}

/** A distinct expert for every seat (a small backtracking match), or null when none exists. */
function seatExperts(seats: string[], experts: ExpertLoad[]): [string, ExpertLoad][] | null {
  const [seat, ...rest] = seats;
  if (seat === undefined) return [];
  for (const expert of experts.filter((x) => x.expertise.includes(seat))) {
    const others = seatExperts(
      rest,
      experts.filter((x) => x !== expert),
    );
    if (others) return [[seat, expert], ...others];
  }
  return null;
}

/** Each seated expert, signed in as themselves, gives an opinion with scores for the current stage. */
export async function expertsGiveOpinions(h: WorkflowHarness, applicationId: string, expertIds: string[]) {
  const expertUsernames = await expertUsernamesById(h);
  for (const expertId of expertIds) {
    const username = expertUsernames.get(expertId);
    if (!username) throw new Error(`no demo account for expert ${expertId}`);
    const expert = await h.as(username);
    const app = await getApplication(expert, applicationId);
    await expert.mutate("review.submitOpinion", {
      applicationId,
      expectedVersion: app.version,
      recommendation: "support",
      text: "方案定位清晰，基础扎实，建议支持。",
      scores: [
        { criterion: "建设基础", score: 86 },
        { criterion: "建设方案", score: 88 },
      ],
    });
  }
}

/** Demo experts' user ids, learned from their own sessions (auth.me). */
async function expertUsernamesById(h: WorkflowHarness): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const username of h.usernamesWithRole("expert")) {
    const me = await (await h.as(username)).query<{ id: string }>("auth.me");
    ids.set(me.id, username);
  }
  return ids;
}

export async function recordSiteVisit(h: WorkflowHarness, applicationId: string, participantIds: string[]) {
  const authority = await h.as("authority");
  await authority.mutate("review.recordSiteVisit", {
    applicationId,
    visitedOn: h.chinaDate(),
    location: "牵头单位研发基地",
    participantIds,
    findings: "场地、设备与研发团队与方案所述一致。",
    conclusion: "satisfactory",
  });
}

export async function openPublicity(h: WorkflowHarness, applicationId: string, days: number) {
  const authority = await h.as("authority");
  const app = await getApplication(authority, applicationId);
  await authority.mutate("publicity.open", {
    applicationId,
    expectedVersion: app.version,
    title: `关于${app.title}的公示`,
    body: "现予以公示。如有异议，请在公示期内提出。",
    opensOn: h.chinaDate(),
    closesOn: h.chinaDate(days),
  });
}
