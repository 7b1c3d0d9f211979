import type { LocalizedText } from "../common";
import type { Stage, Transition, WorkflowDefinition } from "../policy/contract";
import { type Role, roleLabels } from "../roles";

/**
 * The generic workflow engine: it runs any module's stage graph as data. The server asks it before
 * every transition; the portals ask it which buttons to show. It never throws: a refusal is a value
 * with a reason in both locales.
 */

export type TransitionRefusalCode = "unknown-action" | "wrong-stage" | "role-not-allowed" | "terminal-stage";

export type TransitionDecision =
  | { allowed: true; transition: Transition }
  | { allowed: false; code: TransitionRefusalCode; reason: LocalizedText };

export interface TransitionRequest {
  stage: string;
  action: string;
  role: Role;
}

const stageById = (workflow: WorkflowDefinition, id: string): Stage | undefined =>
  workflow.stages.find((s) => s.id === id);

/** A stage's name for messages; an id the graph does not know is shown as is. */
function stageName(workflow: WorkflowDefinition, id: string): LocalizedText {
  const stage = stageById(workflow, id);
  return stage ? stage.name : { zh: id, en: id };
}

const listOf = (items: readonly LocalizedText[], sep: { zh: string; en: string }): LocalizedText => ({
  zh: items.map((i) => `“${i.zh}”`).join(sep.zh),
  en: items.map((i) => `"${i.en}"`).join(sep.en),
});

export function decideTransition(
  workflow: WorkflowDefinition,
  request: TransitionRequest,
): TransitionDecision {
  const { stage, action, role } = request;
  const here = stageName(workflow, stage);

  const current = stageById(workflow, stage);
  if (current?.terminal) {
    return refuse("terminal-stage", {
      zh: `申请已处于终结状态“${here.zh}”，不能再执行任何操作`,
      en: `The application is in the final stage "${here.en}"; no further action is possible`,
    });
  }

  const withAction = workflow.transitions.filter((t) => t.action === action);
  if (withAction.length === 0) {
    return refuse("unknown-action", {
      zh: `本政策的流程中没有操作“${action}”`,
      en: `This policy's workflow has no action "${action}"`,
    });
  }

  const transition = withAction.find((t) => t.from === stage);
  if (!transition) {
    const from = listOf(
      [...new Set(withAction.map((t) => t.from))].map((id) => stageName(workflow, id)),
      { zh: "、", en: ", " },
    );
    const label = withAction[0]!.label;
    return refuse("wrong-stage", {
      zh: `“${label.zh}”只能在${from.zh}阶段进行，当前阶段为“${here.zh}”`,
      en: `"${label.en}" is only possible in ${from.en}; the application is in "${here.en}"`,
    });
  }

  if (!transition.roles.includes(role)) {
    const who = {
      zh: transition.roles.map((r) => roleLabels[r].zh).join("或"),
      en: transition.roles.map((r) => roleLabels[r].en).join(" or "),
    };
    return refuse("role-not-allowed", {
      zh: `在“${here.zh}”阶段，“${transition.label.zh}”由${who.zh}执行，${roleLabels[role].zh}无权执行`,
      en: `In "${here.en}", "${transition.label.en}" is done by ${who.en}, not by ${roleLabels[role].en}`,
    });
  }

  return { allowed: true, transition };
}

const refuse = (code: TransitionRefusalCode, reason: LocalizedText): TransitionDecision => ({
  allowed: false,
  code,
  reason,
});

/** The transitions a role may take from a stage, in the module's order ("what can I do here"). */
export function availableActions(workflow: WorkflowDefinition, stage: string, role: Role): Transition[] {
  if (stageById(workflow, stage)?.terminal) return [];
  return workflow.transitions.filter((t) => t.from === stage && t.roles.includes(role));
}

export interface WorkflowAnalysis {
  /** Stages reachable from `initial` (including it), in breadth-first order. */
  reachable: string[];
  unreachable: string[];
  /** Non-terminal stages with no way out: an application would be stuck there. */
  deadEnds: string[];
  terminal: string[];
  /** Stage ids used by `initial` or a transition that no stage declares. */
  unknownStageRefs: { where: string; ref: string }[];
  /** The same action twice from one stage: the engine could not tell which one is meant. */
  duplicateTransitions: { from: string; action: string }[];
  duplicateStageIds: string[];
  /** Transitions leaving a terminal stage; they can never fire. */
  transitionsFromTerminal: { from: string; action: string }[];
  /** Transitions nobody may take. */
  transitionsWithoutRoles: { from: string; action: string }[];
}

export function analyzeWorkflow(workflow: WorkflowDefinition): WorkflowAnalysis {
  const ids = workflow.stages.map((s) => s.id);
  const known = new Set(ids);
  const terminal = workflow.stages.filter((s) => s.terminal).map((s) => s.id);
  const terminalSet = new Set(terminal);

  const unknownStageRefs: WorkflowAnalysis["unknownStageRefs"] = [];
  if (!known.has(workflow.initial)) unknownStageRefs.push({ where: "initial", ref: workflow.initial });
  for (const t of workflow.transitions) {
    for (const [end, ref] of [
      ["from", t.from],
      ["to", t.to],
    ] as const) {
      if (!known.has(ref))
        unknownStageRefs.push({ where: `${t.from} --${t.action}--> ${t.to} (${end})`, ref });
    }
  }

  const reachable: string[] = [];
  if (known.has(workflow.initial)) {
    const seen = new Set([workflow.initial]);
    const queue = [workflow.initial];
    while (queue.length > 0) {
      const id = queue.shift()!;
      reachable.push(id);
      if (terminalSet.has(id)) continue; // transitions out of a terminal stage never fire
      for (const t of workflow.transitions) {
        if (t.from === id && known.has(t.to) && !seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
  }
  const reachableSet = new Set(reachable);

  const seenPairs = new Set<string>();
  const duplicateTransitions: WorkflowAnalysis["duplicateTransitions"] = [];
  for (const t of workflow.transitions) {
    const key = `${t.from}\u0000${t.action}`;
    if (seenPairs.has(key)) duplicateTransitions.push({ from: t.from, action: t.action });
    seenPairs.add(key);
  }

  const pair = (t: Transition) => ({ from: t.from, action: t.action });
  return {
    reachable,
    unreachable: [...known].filter((id) => !reachableSet.has(id)),
    deadEnds: [...known].filter(
      (id) => !terminalSet.has(id) && !workflow.transitions.some((t) => t.from === id && t.roles.length > 0),
    ),
    terminal,
    unknownStageRefs,
    duplicateTransitions,
    duplicateStageIds: [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))],
    transitionsFromTerminal: workflow.transitions.filter((t) => terminalSet.has(t.from)).map(pair),
    transitionsWithoutRoles: workflow.transitions.filter((t) => t.roles.length === 0).map(pair),
  };
}

/** Every problem of an analysis as one line of English, for the conformance suite and CI logs. */
export function workflowProblems(analysis: WorkflowAnalysis): string[] {
  const problems: string[] = [];
  if (analysis.terminal.length === 0) problems.push("no terminal stage");
  for (const id of analysis.unreachable) problems.push(`stage "${id}" is unreachable from the initial stage`);
  for (const id of analysis.deadEnds) problems.push(`stage "${id}" is not terminal but has no way out`);
  for (const { where, ref } of analysis.unknownStageRefs) problems.push(`unknown stage "${ref}" at ${where}`);
  for (const d of analysis.duplicateTransitions) {
    problems.push(`action "${d.action}" is defined twice from stage "${d.from}"`);
  }
  for (const id of analysis.duplicateStageIds) problems.push(`stage id "${id}" is declared twice`);
  for (const t of analysis.transitionsFromTerminal) {
    problems.push(`action "${t.action}" leaves terminal stage "${t.from}"`);
  }
  for (const t of analysis.transitionsWithoutRoles) {
    problems.push(`action "${t.action}" from "${t.from}" has no role allowed to take it`);
  }
  return problems;
}

/** Returns, rejections and dismissals must say why (`needsReason`): the refusal text, or null when fine. */
export function missingReason(transition: Transition, reason: string | undefined): LocalizedText | null {
  if (!transition.needsReason || (reason !== undefined && reason.trim() !== "")) return null;
  return {
    zh: `“${transition.label.zh}”须填写理由`,
    en: `"${transition.label.en}" needs a reason`,
  };
}
