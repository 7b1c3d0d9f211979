import {
  analyzeWorkflow,
  type CenterFacts,
  citationSchema,
  isInsideJurisdiction,
  localizedTextSchema,
  obligationSchema,
  outlineContentSchema,
  type PolicyModule,
  policyIdSchema,
  ruleResultSchema,
  type ScheduleInput,
  transitionGuardSchema,
  validateOutline,
  workflowProblems,
} from "@kechuang/domain";
import { z } from "zod";
import { crossCuttingRuleIds } from "./catalog";

/**
 * The conformance suite every policy module passes (DESIGN.md "The policy module contract").
 * It answers with a list of problems, empty when the module conforms, so a module team sees every
 * problem at once rather than the first throw.
 */

export type ConformanceCheck =
  | "identity"
  | "workflow"
  | "catalog"
  | "citation"
  | "reference"
  | "rule-shape"
  | "outline"
  | "schedule"
  | "source"
  | "recommendation"
  | "after-approval"
  | "source-conflict";

export interface ConformanceIssue {
  check: ConformanceCheck;
  detail: string;
}

/** Sample approvals before and after mid-year (exemptions often turn on June), over five years. */
export const sampleScheduleInputs: readonly ScheduleInput[] = [
  { approvedOn: "2021-03-15", years: 5 },
  { approvedOn: "2021-07-15", years: 5 },
];

export function conformanceIssues(
  module: PolicyModule,
  catalogRuleIds: readonly string[],
): ConformanceIssue[] {
  const issues: ConformanceIssue[] = [];
  const add = (check: ConformanceCheck, detail: string) => issues.push({ check, detail });

  // identity and source
  if (module.id !== module.source.id)
    add("identity", `module id "${module.id}" ≠ source id "${module.source.id}"`);
  if (!policyIdSchema.safeParse(module.id).success) add("identity", `module id "${module.id}" is malformed`);
  if (module.kinds.length === 0) add("identity", "module governs no platform kind");
  if (!z.iso.date().safeParse(module.source.date).success)
    add("source", `source date "${module.source.date}" is not an ISO date`);
  const clauseIds = module.source.clauses.map((c) => c.id);
  for (const id of clauseIds.filter((id, i) => clauseIds.indexOf(id) !== i)) {
    add("source", `clause "${id}" is listed twice`);
  }
  for (const clause of module.source.clauses) {
    if (!clause.text.trim()) add("source", `clause "${clause.id}" has no text`);
  }

  // workflow
  for (const problem of workflowProblems(analyzeWorkflow(module.workflow))) add("workflow", problem);
  for (const t of module.workflow.transitions) {
    for (const guard of t.guards ?? []) {
      if (!transitionGuardSchema.safeParse(guard).success) {
        add("workflow", `transition "${t.action}" from "${t.from}" has unknown guard "${guard}"`);
      }
    }
  }

  recommendationIssues(module, add);

  // the catalog: every rule of the module's group is implemented, and nothing outside the catalog
  const ruleIds = module.rules.map((r) => r.id);
  const ruleIdSet = new Set(ruleIds);
  for (const id of catalogRuleIds) {
    if (!ruleIdSet.has(id)) add("catalog", `catalog rule "${id}" is missing from module.rules`);
  }
  const known = new Set<string>([...catalogRuleIds, ...crossCuttingRuleIds]);
  for (const id of ruleIds) {
    if (!known.has(id)) add("catalog", `rule "${id}" is not in the catalog`);
  }
  for (const id of ruleIds.filter((id, i) => ruleIds.indexOf(id) !== i)) {
    add("catalog", `rule "${id}" is defined twice`);
  }

  // every rule cited, every citation resolving to a clause of this module's source
  for (const rule of module.rules) {
    const citation = rule.citation as unknown;
    if (!citation || !citationSchema.safeParse(citation).success) {
      add("citation", `rule "${rule.id}" has no valid citation (source, clause, quote)`);
      continue;
    }
    if (rule.citation.source !== module.id) {
      add("citation", `rule "${rule.id}" cites source "${rule.citation.source}", not "${module.id}"`);
    }
    const clause = module.source.clauses.find((c) => c.id === rule.citation.clause);
    if (!clause) {
      add(
        "citation",
        `rule "${rule.id}" cites clause "${rule.citation.clause}", which the source does not have`,
      );
    } else if (!comparable(clause.text).includes(comparable(rule.citation.quote))) {
      add("citation", `rule "${rule.id}" quotes text that clause "${clause.id}" does not contain`);
    }
  }

  // every rule reference points at a rule of this module
  const reference = (where: string, id: string | undefined) => {
    if (id !== undefined && !ruleIdSet.has(id)) add("reference", `${where} refers to unknown rule "${id}"`);
  };
  for (const t of module.workflow.transitions)
    reference(`transition "${t.action}" from "${t.from}"`, t.ruleId);
  reference("outline", module.outline?.ruleId);
  reference("panel", module.panel?.ruleId);
  reference("naming", module.naming?.ruleId);
  for (const c of module.changeKinds ?? []) reference(`change kind "${c.id}"`, c.ruleId);
  reference("evaluation", module.evaluation?.ruleId);
  reference("evaluation delisting", module.evaluation?.delistingRuleId);
  reference("evaluation rectification", module.evaluation?.rectificationRuleId);
  reference("evaluation post-subsidy", module.evaluation?.postSubsidyRuleId);
  reference("annual report", module.annualReport?.ruleId);
  for (const c of module.sourceConflicts ?? []) reference(`source conflict "${c.id}"`, c.ruleId);
  for (const s of module.settings) reference(`setting "${s.key}"`, s.relatesTo);

  // rule shapes: what each implementation kind needs
  for (const rule of module.rules) {
    if (!localizedTextSchema.safeParse(rule.title).success)
      add("rule-shape", `rule "${rule.id}" has no bilingual title`);
    for (const kind of rule.appliesTo) {
      if (!module.kinds.includes(kind))
        add("rule-shape", `rule "${rule.id}" applies to "${kind}", which the module does not govern`);
    }
    if (rule.implementedBy === "eligibility" && !rule.evaluate) {
      add("rule-shape", `eligibility rule "${rule.id}" has no evaluate`);
    }
    const prompted = rule.implementedBy === "checklist" || rule.implementedBy === "obligation";
    if (prompted && !localizedTextSchema.safeParse(rule.prompt).success) {
      add("rule-shape", `${rule.implementedBy} rule "${rule.id}" has no bilingual prompt`);
    }
    if (rule.evaluate) {
      for (const kind of rule.appliesTo) checkEvaluate(rule.id, rule.evaluate, { kind }, add);
    }
  }

  // the outline renders: well formed, its content schema builds and converts to JSON Schema
  if (module.outline) {
    for (const problem of validateOutline(module.outline)) add("outline", problem);
    try {
      z.toJSONSchema(outlineContentSchema(module.outline));
    } catch (error) {
      add("outline", `outline content schema does not render: ${String(error)}`);
    }
  }

  afterApprovalIssues(module, add);
  sourceConflictIssues(module, add);

  // the schedule gives valid, sensible obligations citing the module's rules
  for (const input of sampleScheduleInputs) scheduleIssues(module, input, add, reference);

  return issues;
}

/**
 * A module whose workflow lets a recommender act declares who may recommend, cited, as divisions inside its
 * jurisdiction: the application's recommending area is picked from that list and checked against it.
 */
function recommendationIssues(module: PolicyModule, add: (check: ConformanceCheck, detail: string) => void) {
  const recommends = module.workflow.transitions.some((t) => t.roles.includes("recommender"));
  const policy = module.recommendation;
  if (!policy) {
    if (recommends) add("recommendation", "the workflow has a recommender step but no recommending bodies");
    return;
  }
  if (!recommends)
    add("recommendation", "recommending bodies are declared but no recommender step uses them");
  if (policy.bodies.length === 0) add("recommendation", "the list of recommending bodies is empty");
  const codes = policy.bodies.map((b) => b.code);
  for (const code of codes.filter((c, i) => codes.indexOf(c) !== i)) {
    add("recommendation", `recommending body "${code}" is listed twice`);
  }
  for (const body of policy.bodies) {
    if (!isInsideJurisdiction(module.jurisdiction, body.code))
      add("recommendation", `recommending body "${body.code}" is not inside ${module.jurisdiction.code}`);
    if (!localizedTextSchema.safeParse(body.name).success)
      add("recommendation", `recommending body "${body.code}" has no bilingual name`);
  }
  const { citation } = policy;
  const clause = module.source.clauses.find((c) => c.id === citation.clause);
  if (!citationSchema.safeParse(citation).success || citation.source !== module.id || !clause) {
    add("recommendation", `the recommending bodies cite no clause of ${module.id}`);
  } else if (!comparable(clause.text).includes(comparable(citation.quote))) {
    add("recommendation", `the recommending bodies quote text that clause "${clause.id}" does not contain`);
  }
}

/** Ids a portal stores content under (report sections are keys of the report's JSON) and shows by title. */
const dataIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9-]*$/);

function idListIssues(
  what: string,
  items: readonly { id: string }[],
  add: (check: ConformanceCheck, detail: string) => void,
) {
  const ids = items.map((i) => i.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i))
    add("after-approval", `${what} "${id}" is listed twice`);
  for (const id of ids)
    if (!dataIdSchema.safeParse(id).success) add("after-approval", `${what} id "${id}" is malformed`);
}

/**
 * The annual report and evaluation data the after-approval screens render: report sections keyed by unique,
 * well-formed ids with bilingual titles; a late report's delisting ground one of the module's grounds.
 */
function afterApprovalIssues(module: PolicyModule, add: (check: ConformanceCheck, detail: string) => void) {
  const report = module.annualReport;
  const evaluation = module.evaluation;
  if (report) {
    if (report.sections.length === 0) add("after-approval", "the annual report has no sections");
    idListIssues("annual report section", report.sections, add);
    for (const s of report.sections) {
      if (!localizedTextSchema.safeParse(s.title).success)
        add("after-approval", `annual report section "${s.id}" has no bilingual title`);
    }
    if (report.lateGroundId !== undefined) {
      const grounds = evaluation?.delistingGrounds ?? [];
      if (!grounds.some((g) => g.id === report.lateGroundId))
        add(
          "after-approval",
          `late-report ground "${report.lateGroundId}" is not one of the delisting grounds`,
        );
    }
  }
  if (evaluation) {
    idListIssues("evaluation grade", evaluation.grades, add);
    idListIssues("evaluation focus area", evaluation.focusAreas ?? [], add);
    idListIssues("delisting ground", evaluation.delistingGrounds ?? [], add);
    for (const a of evaluation.focusAreas ?? []) {
      if (!localizedTextSchema.safeParse(a.name).success)
        add("after-approval", `evaluation focus area "${a.id}" has no bilingual name`);
    }
  }
}

/** A flagged contradiction shows at least two readings, each quoting its clause, and applies one of them. */
function sourceConflictIssues(module: PolicyModule, add: (check: ConformanceCheck, detail: string) => void) {
  const conflicts = module.sourceConflicts ?? [];
  const ids = conflicts.map((c) => c.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i))
    add("source-conflict", `conflict "${id}" is listed twice`);
  for (const c of conflicts) {
    const where = `conflict "${c.id}"`;
    if (c.readings.length < 2) add("source-conflict", `${where} has fewer than two readings`);
    for (const { citation, reading } of c.readings) {
      const clause = module.source.clauses.find((cl) => cl.id === citation.clause);
      if (!citationSchema.safeParse(citation).success || citation.source !== module.id || !clause) {
        add("source-conflict", `${where} cites no clause "${citation.clause}" of ${module.id}`);
      } else if (!comparable(clause.text).includes(comparable(citation.quote))) {
        add("source-conflict", `${where} quotes text that clause "${clause.id}" does not contain`);
      }
      if (!localizedTextSchema.safeParse(reading).success)
        add("source-conflict", `${where} has a reading of "${citation.clause}" without both languages`);
    }
    if (!c.readings.some((r) => r.citation.clause === c.appliedClause))
      add("source-conflict", `${where} applies "${c.appliedClause}", which is none of its readings`);
    if (!localizedTextSchema.safeParse(c.topic).success || !localizedTextSchema.safeParse(c.choice).success)
      add("source-conflict", `${where} does not explain its topic and choice in both languages`);
  }
}

function scheduleIssues(
  module: PolicyModule,
  input: ScheduleInput,
  add: (check: ConformanceCheck, detail: string) => void,
  reference: (where: string, id: string | undefined) => void,
) {
  const on = `on ${JSON.stringify(input)}`;
  let obligations: unknown[];
  try {
    obligations = module.schedule(input);
  } catch (error) {
    add("schedule", `schedule throws ${on}: ${String(error)}`);
    return;
  }
  const coveredYears: number[] = [];
  obligations.forEach((raw, i) => {
    const parsed = obligationSchema.safeParse(raw);
    if (!parsed.success) {
      add("schedule", `obligation ${i} ${on} is invalid: ${parsed.error.issues[0]?.message}`);
      return;
    }
    const o = parsed.data;
    reference(`obligation ${i}`, o.ruleId);
    if (o.kind === "annual-report") {
      reference(`obligation ${i} exemption`, o.exemptRuleId);
      coveredYears.push(o.yearCovered);
      if (o.yearCovered < Number(input.approvedOn.slice(0, 4))) {
        add("schedule", `annual report ${on} covers ${o.yearCovered}, before the approval year`);
      }
      if (o.dueOn !== null && o.dueOn < input.approvedOn) {
        add("schedule", `annual report ${on} is due ${o.dueOn}, before approval`);
      }
    } else if (o.earliestOn < input.approvedOn) {
      add("schedule", `evaluation ${on} opens ${o.earliestOn}, before approval`);
    }
  });
  for (const year of coveredYears.filter((y, i) => coveredYears.indexOf(y) !== i)) {
    add("schedule", `two annual reports ${on} cover ${year}`);
  }
}

/** Quotes are compared ignoring white space and full-/half-width brackets, as seeds mix both. */
const comparable = (text: string): string => text.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");

/** Absent facts must give a result (usually needs-information), never a throw, and name the rule. */
function checkEvaluate(
  ruleId: string,
  evaluate: (facts: CenterFacts) => unknown,
  facts: CenterFacts,
  add: (check: ConformanceCheck, detail: string) => void,
) {
  try {
    const result = ruleResultSchema.safeParse(evaluate(facts));
    if (!result.success)
      add("rule-shape", `rule "${ruleId}" returns an invalid result on ${JSON.stringify(facts)}`);
    else if (result.data.ruleId !== ruleId) {
      add("rule-shape", `rule "${ruleId}" returns a result for "${result.data.ruleId}"`);
    }
  } catch (error) {
    add("rule-shape", `rule "${ruleId}" throws on ${JSON.stringify(facts)}: ${String(error)}`);
  }
}
