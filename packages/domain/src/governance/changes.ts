import { z } from "zod";
import type { LocalizedText } from "../common";
import type { CenterFacts } from "../facts";
import { formationModeSchema } from "../facts";
import type { ChangeKind, PolicyModule, RuleResult } from "../policy/contract";
import {
  coBuildUnitSchema,
  factsWithGovernance,
  type GovernanceState,
  governanceCommitteeSchema,
  governanceDirectorSchema,
  governanceMemberSchema,
  leadUnitSchema,
  type PlatformAttributes,
} from "./state";

/**
 * A change to an approved platform (issue 11): which part it edits and the part's new value in full. The
 * module's change kind decides whether it is only filed (备案, effective at once) or waits for the authority's
 * approval (批复); Inner Mongolia's 三(五) gives the two lists.
 */

export const changeSubjectSchema = z.enum([
  "director",
  "board",
  "committee",
  "lead-unit",
  "co-build-units",
  "name",
  "location",
  "research-direction",
  "formation-mode",
]);
export type ChangeSubject = z.infer<typeof changeSubjectSchema>;

/** What each part's change is called where the source gives no list of its own. */
export const changeSubjectNames: Readonly<Record<ChangeSubject, LocalizedText>> = {
  director: { zh: "更换中心主任", en: "Director replacement" },
  board: { zh: "调整理事会(董事会)成员", en: "Board member changes" },
  committee: { zh: "调整专家委员会成员", en: "Expert committee member changes" },
  "lead-unit": { zh: "变更牵头单位", en: "Change of lead unit" },
  "co-build-units": { zh: "调整共建单位", en: "Co-build unit adjustment" },
  name: { zh: "变更中心名称", en: "Change of name" },
  location: { zh: "变更中心地点", en: "Change of location" },
  "research-direction": { zh: "调整研究方向", en: "Change of research direction" },
  "formation-mode": { zh: "变更建设模式", en: "Formation mode change" },
};

/**
 * Change kinds a module sets where its source lists none (or ends its list with 等): one kind per subject, all
 * routed the same way and marked as a local setting, so the UI says the routing is not a clause.
 */
export function localChangeKinds(input: {
  subjects: readonly ChangeSubject[];
  mode: ChangeKind["mode"];
  ruleId: string;
  localSetting: LocalizedText;
}): ChangeKind[] {
  return input.subjects.map((subject) => ({
    id: subject,
    name: changeSubjectNames[subject],
    mode: input.mode,
    ruleId: input.ruleId,
    subjects: [subject],
    localSetting: input.localSetting,
  }));
}

/** The new value of one part; a kind with no subject (a charter change) is described in words only. */
export const changePayloadSchema = z.discriminatedUnion("subject", [
  z.object({ subject: z.literal("director"), director: governanceDirectorSchema }),
  z.object({ subject: z.literal("board"), members: z.array(governanceMemberSchema).max(200) }),
  z.object({ subject: z.literal("committee"), committee: governanceCommitteeSchema }),
  z.object({ subject: z.literal("lead-unit"), leadUnit: leadUnitSchema }),
  z.object({ subject: z.literal("co-build-units"), units: z.array(coBuildUnitSchema).max(100) }),
  z.object({ subject: z.literal("name"), name: z.string().trim().min(1).max(200) }),
  z.object({ subject: z.literal("location"), location: z.string().trim().min(1).max(200) }),
  z.object({
    subject: z.literal("research-direction"),
    fields: z.array(z.string().trim().min(1).max(50)).min(1).max(30),
  }),
  z.object({ subject: z.literal("formation-mode"), formationMode: formationModeSchema }),
]);
export type ChangePayload = z.infer<typeof changePayloadSchema>;

export const changeStatusSchema = z.enum(["filed", "pending", "approved", "rejected"]);
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

/** Governance state and attributes together: what a change reads and returns. */
export interface PlatformSnapshot {
  governance: GovernanceState;
  attributes: PlatformAttributes;
}

/** The snapshot after the change; pure, the store writes the difference with the change's effective day. */
export function applyChange(before: PlatformSnapshot, payload: ChangePayload | null): PlatformSnapshot {
  if (!payload) return before;
  const g = before.governance;
  const a = before.attributes;
  switch (payload.subject) {
    case "director":
      return { ...before, governance: { ...g, director: payload.director } };
    case "board":
      return { ...before, governance: { ...g, board: payload.members } };
    case "committee":
      return { ...before, governance: { ...g, committee: payload.committee } };
    case "lead-unit":
      return { ...before, governance: { ...g, leadUnit: payload.leadUnit } };
    case "co-build-units":
      return { ...before, governance: { ...g, coBuildUnits: payload.units } };
    case "name":
      return { ...before, attributes: { ...a, name: payload.name } };
    case "location":
      return { ...before, attributes: { ...a, location: payload.location } };
    case "research-direction":
      return { ...before, attributes: { ...a, fields: payload.fields } };
    case "formation-mode":
      return { ...before, attributes: { ...a, formationMode: payload.formationMode } };
  }
}

/**
 * Every eligibility rule of the module re-run on the state after the change; the failures, each naming its
 * clause. Rules without the facts they need answer needs-information and do not block: only a rule the change
 * would break (or leave broken) stops it.
 */
export function changeViolations(
  module: Pick<PolicyModule, "rules">,
  approvedFacts: CenterFacts,
  after: PlatformSnapshot,
): RuleResult[] {
  const facts = factsWithGovernance(approvedFacts, after.governance, after.attributes);
  return module.rules.flatMap((rule) => {
    if (rule.implementedBy !== "eligibility" || !rule.evaluate) return [];
    if (!rule.appliesTo.includes(facts.kind)) return [];
    const result = rule.evaluate(facts);
    return result.outcome === "fail" ? [result] : [];
  });
}

/** How a kind is routed: a filing takes effect at once; an approval waits for the module's authority. */
export const changeEffect = (mode: "filing" | "approval"): ChangeStatus =>
  mode === "filing" ? "filed" : "pending";

/** The words a refusal leads with: the rule's own message carries the clause and the figures. */
export const changeRefusal: LocalizedText = {
  zh: "变更后的治理结构不符合以下规定，未予提交",
  en: "After this change the governance would break these rules; nothing was sent",
};
