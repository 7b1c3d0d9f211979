import type { ApprovedPlatformRow, PlatformEventRow } from "@kechuang/db";
import {
  type Citation,
  type GovernanceState,
  type LocalizedText,
  type PlatformKind,
  type PolicyModule,
  platformKindSchema,
} from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { jurisdictionName } from "../directory";
import { delistingGroundsOf, delistingRuleIdOf } from "./grounds";
import {
  type PublicGovernance,
  type PublicZoneProfile,
  publicGovernance,
  publicZoneProfile,
} from "./public-governance";

/**
 * What the public may know of a platform (issue 10 "public trace"): the register entry, the revocation with
 * its grounds and clause, and the timeline of public events. Built from an allow-list: event details keep
 * only the public facts named below, so a report's content, findings or who evaluated never reach the
 * public even if a writer puts more into `detail`.
 */

export interface RuleRef {
  ruleId: string;
  citation: Citation | null;
}

export interface PublicRevocation {
  revokedOn: string | null;
  grounds: { id: string; text: LocalizedText }[];
  rule: RuleRef | null;
}

export interface ApprovedPlatform {
  id: string;
  name: string;
  kind: PlatformKind;
  policyId: string;
  jurisdiction: { code: string; name: LocalizedText };
  leadUnitName: string;
  approvedOn: string;
  fields: string[];
  /** As stored: `delisted` is the revoked (撤销) platform, kept in the register. */
  status: ApprovedPlatformRow["status"];
  revokedOn: string | null;
  /** Present for a revoked platform only. */
  revocation: PublicRevocation | null;
}

export interface PublicEvent {
  kind: PlatformEventRow["kind"];
  occurredOn: string;
  yearCovered: number | null;
  grade: { id: string; name: LocalizedText } | null;
  grounds: { id: string; text: LocalizedText }[];
  /** Rectification ordered: the day it is due. */
  dueOn: string | null;
  /** Rectification closed: passed on re-evaluation, or failed. */
  outcome: "accepted" | "failed" | null;
  rule: RuleRef | null;
}

export interface PublicPlatform extends ApprovedPlatform {
  approvalRule: RuleRef | null;
  timeline: PublicEvent[];
  /** Board, committee, director and co-build units as recorded today; null for a platform with no records. */
  governance: PublicGovernance | null;
  /** A zone's tasks and indicators (modules whose reports carry indicators); null for everything else. */
  zone: PublicZoneProfile | null;
}

/** Where the page's governance and zone profile come from: the approved facts and the accepted reports. */
export interface PublicProfileSource {
  /** The governance records open today (issue 11); null when the platform has none. */
  governance: GovernanceState | null;
  facts: unknown | null;
  acceptedReports: readonly { yearCovered: number; content: unknown }[];
}

export function ruleRef(module: PolicyModule | undefined, ruleId: string | null | undefined): RuleRef | null {
  if (!ruleId) return null;
  const rule = module?.rules.find((candidate) => candidate.id === ruleId);
  return { ruleId, citation: rule?.citation ?? null };
}

/** The rule the module's approval step cites (its `approve` transition). */
export function approvalRuleId(module: PolicyModule | undefined): string | null {
  return module?.workflow.transitions.find((t) => t.action === "approve")?.ruleId ?? null;
}

/** Ground texts from the same list the authority chose from (Sichuan's are derived from its outcomes). */
function groundsOf(module: PolicyModule | undefined, ids: unknown): { id: string; text: LocalizedText }[] {
  if (!Array.isArray(ids)) return [];
  const known = module ? delistingGroundsOf(module) : [];
  return ids
    .filter((id): id is string => typeof id === "string")
    .map((id) => ({ id, text: known.find((g) => g.id === id)?.text ?? { zh: id, en: id } }));
}

const isoDate = (value: unknown): string | null =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;

export function toApprovedPlatform(row: ApprovedPlatformRow): ApprovedPlatform {
  const module = registry.get(row.policyId);
  const name = jurisdictionName(row.jurisdiction, row.policyId);
  const revoked = row.status === "delisted";
  return {
    id: row.id,
    name: row.name,
    kind: platformKindSchema.parse(row.kind),
    policyId: row.policyId,
    jurisdiction: { code: row.jurisdiction, name },
    leadUnitName: row.leadUnitName,
    approvedOn: row.approvedOn,
    fields: row.fields,
    status: row.status,
    revokedOn: revoked ? row.revokedOn : null,
    revocation: revoked
      ? {
          revokedOn: row.revokedOn,
          grounds: groundsOf(module, row.groundIds),
          rule: ruleRef(module, row.delistingRuleId ?? (module ? delistingRuleIdOf(module) : null)),
        }
      : null,
  };
}

/** Only the allow-listed public facts of an event's detail. */
export function toPublicEvent(module: PolicyModule | undefined, event: PlatformEventRow): PublicEvent {
  const detail = event.detail ?? {};
  const year = detail.yearCovered;
  const gradeId = typeof detail.gradeId === "string" ? detail.gradeId : null;
  const grade = gradeId
    ? {
        id: gradeId,
        name: module?.evaluation?.grades.find((g) => g.id === gradeId)?.name ?? { zh: gradeId, en: gradeId },
      }
    : null;
  return {
    kind: event.kind,
    occurredOn: event.occurredOn,
    yearCovered: typeof year === "number" && Number.isInteger(year) ? year : null,
    grade,
    grounds: event.kind === "revoked" ? groundsOf(module, detail.groundIds) : [],
    dueOn: isoDate(detail.dueOn),
    outcome: detail.outcome === "accepted" || detail.outcome === "failed" ? detail.outcome : null,
    rule: ruleRef(module, event.ruleId),
  };
}

/**
 * The platform's public page. Platforms approved before events were recorded (or loaded from elsewhere)
 * still show their approval: it is synthesized from the register's approval date.
 */
export function toPublicPlatform(
  row: ApprovedPlatformRow,
  events: readonly PlatformEventRow[],
  profile: PublicProfileSource = { governance: null, facts: null, acceptedReports: [] },
): PublicPlatform {
  const module = registry.get(row.policyId);
  const approvalRule = ruleRef(module, approvalRuleId(module));
  const timeline = events.map((event) => toPublicEvent(module, event));
  if (!timeline.some((event) => event.kind === "approved"))
    timeline.unshift({
      kind: "approved",
      occurredOn: row.approvedOn,
      yearCovered: null,
      grade: null,
      grounds: [],
      dueOn: null,
      outcome: null,
      rule: approvalRule,
    });
  return {
    ...toApprovedPlatform(row),
    approvalRule,
    timeline,
    governance: profile.governance === null ? null : publicGovernance(profile.governance),
    zone: publicZoneProfile(module, profile.facts, profile.acceptedReports),
  };
}
