import type { Citation, LocalizedText } from "@kechuang/domain";

/**
 * Pure helpers for a platform's public page (issue 10 "public trace"): what each public event says and
 * how it is marked. The server already keeps only public facts; these only arrange them.
 */

export type PublicEventKind =
  | "approved"
  | "report-filed"
  | "report-accepted"
  | "graded"
  | "rectification-ordered"
  | "rectification-closed"
  | "revoked"
  | "changed"
  | "recognized";

export interface PublicEventLike {
  kind: PublicEventKind;
  occurredOn: string;
  yearCovered: number | null;
  grade: { id: string; name: LocalizedText } | null;
  grounds: { id: string; text: LocalizedText }[];
  dueOn: string | null;
  outcome: "accepted" | "failed" | null;
  rule: { ruleId: string; citation: Citation | null } | null;
}

/** antd Timeline colours: the register's milestones green, warnings orange, the revocation red. */
export function eventColor(event: Pick<PublicEventLike, "kind" | "grade">): string {
  switch (event.kind) {
    case "approved":
    case "report-accepted":
    case "rectification-closed":
      return "green";
    case "rectification-ordered":
      return "orange";
    case "revoked":
      return "red";
    default:
      return "blue";
  }
}

/** Interpolation values for the event's message (`platformPage.event.<kind>`). */
export function eventParams(
  event: PublicEventLike,
  pick: (text: LocalizedText) => string,
  date: (iso: string) => string,
): Record<string, string> {
  return {
    year: event.yearCovered === null ? "" : String(event.yearCovered),
    grade: event.grade ? pick(event.grade.name) : "",
    grounds: groundsText(event.grounds, pick),
    dueOn: event.dueOn ? date(event.dueOn) : "",
  };
}

/** Several grounds read as one sentence, in the source's own punctuation. */
export const groundsText = (
  grounds: readonly { text: LocalizedText }[],
  pick: (text: LocalizedText) => string,
): string => grounds.map((ground) => pick(ground.text)).join("；");

/** The clause an event cites, when the module knows it ("三(六)3"); null hides the link. */
export const clauseOf = (rule: PublicEventLike["rule"]): Citation | null => rule?.citation ?? null;

export const isRevoked = (platform: { status: string }): boolean => platform.status === "delisted";
