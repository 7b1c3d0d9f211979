import type { RouterOutputs } from "@kechuang/api";

export type GradePreview = RouterOutputs["evaluations"]["previewGrade"];
export type CalendarRow = RouterOutputs["evaluations"]["calendar"][number];
export type EvaluationListRow = RouterOutputs["evaluations"]["list"][number];
export type EvaluationDetail = RouterOutputs["evaluations"]["get"];
export type Oversight = RouterOutputs["evaluations"]["forPlatform"];

/** A message key and its values: the screen translates it (kept pure so it can be tested). */
export type Line = { key: string; values?: Record<string, string | number> };

/**
 * What a grade leads to, in the order the authority should read it before confirming: the consequence,
 * the rectification period (and whether the policy fixes it), the closing of a rectification, the proposed
 * delisting ground.
 */
export function consequenceLines(preview: GradePreview, groundName: (id: string) => string): Line[] {
  const lines: Line[] = [];
  if (preview.closesRectification) {
    lines.push({
      key:
        preview.closesRectification === "accepted"
          ? "evaluations.consequence.closesAccepted"
          : "evaluations.consequence.closesFailed",
    });
  } else if (preview.rectification) {
    lines.push({
      key: "evaluations.consequence.rectification",
      values: { dueOn: preview.rectification.dueOn },
    });
    if (preview.rectification.months !== null) {
      lines.push({
        key: "evaluations.consequence.rectificationMonths",
        values: { months: preview.rectification.months },
      });
    }
  } else {
    lines.push({ key: `evaluations.consequence.${preview.consequence}` });
  }
  if (preview.proposedGroundId) {
    lines.push({
      key: "evaluations.consequence.proposedGround",
      values: { ground: groundName(preview.proposedGroundId) },
    });
  }
  return lines;
}

export type DueState = "due" | "open" | "upcoming" | "done" | "delisted";

/** Where a platform's evaluation stands on the calendar (the server computes due from the module). */
export function dueState(row: Pick<CalendarRow, "due" | "openEvaluationId" | "status" | "nextOn">): DueState {
  if (row.status === "delisted") return "delisted";
  if (row.openEvaluationId) return "open";
  if (row.due) return "due";
  return row.nextOn ? "upcoming" : "done";
}

/** Due platforms first, then those in progress, upcoming, done and revoked. */
export function byDueState<T extends Parameters<typeof dueState>[0]>(rows: readonly T[]): T[] {
  const order: DueState[] = ["due", "open", "upcoming", "done", "delisted"];
  return [...rows].sort((a, b) => order.indexOf(dueState(a)) - order.indexOf(dueState(b)));
}
