import {
  analyzeWorkflow,
  availableActions,
  commonActions,
  commonStages,
  decideTransition,
  workflowProblems as graphProblems,
  type PolicyModule,
  type Role,
  validateOutline,
} from "@kechuang/domain";

/**
 * Module checks for this package's own tests, on top of the domain's workflow analysis (the shared
 * conformance suite in packages/policies runs as well; these keep the package testable on its own).
 * Each returns the problems found.
 */

export function citationProblems(module: PolicyModule): string[] {
  const clauses = new Map(module.source.clauses.map((c) => [c.id, c.text]));
  return module.rules.flatMap((rule) => {
    const { source, clause, quote } = rule.citation;
    if (source !== module.id) return [`${rule.id}: cites ${source}, not ${module.id}`];
    const text = clauses.get(clause);
    if (text === undefined) return [`${rule.id}: clause ${clause} is not in the source`];
    return text.includes(quote) ? [] : [`${rule.id}: quote not verbatim in ${clause}`];
  });
}

/** The graph is well formed, uses the common vocabulary, and every step cites a rule of the module. */
export function workflowProblems(module: PolicyModule): string[] {
  const { stages, transitions } = module.workflow;
  const ruleIds = new Set(module.rules.map((r) => r.id));
  const problems = graphProblems(analyzeWorkflow(module.workflow));
  for (const s of stages) {
    if (!(commonStages as readonly string[]).includes(s.id))
      problems.push(`stage ${s.id} not in commonStages`);
  }
  for (const t of transitions) {
    if (!ruleIds.has(t.ruleId))
      problems.push(`transition ${t.from}/${t.action} cites unknown rule ${t.ruleId}`);
    if (!(commonActions as readonly string[]).includes(t.action))
      problems.push(`action ${t.action} not common`);
  }
  return problems;
}

/** Actions a role may take in a stage, sorted, for "who may do what" assertions. */
export const actionsFor = (module: PolicyModule, stage: string, role: Role): string[] =>
  availableActions(module.workflow, stage, role)
    .map((t) => t.action)
    .sort();

/** Follows actions from the initial stage through the domain engine; returns the stages visited. */
export function walk(module: PolicyModule, steps: readonly [Role, string][]): string[] {
  const visited = [module.workflow.initial];
  for (const [role, action] of steps) {
    const decision = decideTransition(module.workflow, { stage: visited[visited.length - 1]!, action, role });
    if (!decision.allowed) return [...visited, `refused: ${decision.code}`];
    visited.push(decision.transition.to);
  }
  return visited;
}

/** Every catalog rule is present once; checklist rules prompt, eligibility rules evaluate; outline valid. */
export function ruleSetProblems(module: PolicyModule, catalogIds: readonly string[]): string[] {
  const ids = module.rules.map((r) => r.id);
  const problems = catalogIds.filter((id) => !ids.includes(id)).map((id) => `missing rule ${id}`);
  problems.push(...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `duplicate rule ${id}`));
  for (const r of module.rules) {
    if (r.implementedBy === "checklist" && !r.prompt) problems.push(`${r.id} checklist without prompt`);
    if (r.implementedBy === "eligibility" && !r.evaluate)
      problems.push(`${r.id} eligibility without evaluate`);
  }
  if (module.outline) problems.push(...validateOutline(module.outline));
  return problems;
}
