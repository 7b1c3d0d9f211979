import type { LocalizedText } from "@kechuang/domain";
import { formatDate, localized } from "./format";
import type { Locale } from "./portal";

const knownKinds = new Set([
  "action-needed",
  "assigned",
  "objection-filed",
  "decided",
  "report-action-needed",
  "report-returned",
  "report-accepted",
  "evaluation-opened",
  "evaluation-assigned",
  "rectification-responded",
  "re-evaluation-opened",
  "revoked",
  "change-filed",
  "change-pending",
  "change-approved",
  "change-rejected",
  "experience-submitted",
  "experience-published",
  "experience-returned",
]);

export type NotificationNote = {
  kind: string;
  stage: string | null;
  detail?: Record<string, unknown> | null;
};
type T = (key: string, values?: Record<string, unknown>) => string;

const isText = (v: unknown): v is LocalizedText =>
  typeof v === "object" && v !== null && typeof (v as LocalizedText).zh === "string";

/** The message key a notification renders with; a graded evaluation says whether there is a rectification to do. */
function keyOf(n: NotificationNote, d: Record<string, unknown>): string {
  if (n.kind === "report-reminder") return `report-reminder-${String(d.moment ?? "before")}`;
  if (n.kind === "evaluation-graded") {
    if (typeof d.rectificationDueOn === "string") return "evaluation-graded-rectify";
    return d.postSubsidy ? "evaluation-graded-subsidy" : "evaluation-graded";
  }
  return knownKinds.has(n.kind) ? n.kind : "other";
}

/** A notification's text; after-approval kinds carry the platform, dates and grade in `detail`. */
export function notificationMessage(n: NotificationNote, locale: Locale, t: T): string {
  const d = n.detail ?? {};
  const date = (v: unknown) => (typeof v === "string" ? formatDate(v, locale) : "");
  return t(`notifications.kind.${keyOf(n, d)}`, {
    stage: n.stage ? t(`stage.${n.stage}`, { defaultValue: n.stage }) : "—",
    platform: d.platformName ?? "",
    year: d.yearCovered ?? "",
    dueOn: date(d.rectificationDueOn ?? d.dueOn),
    decidedOn: date(d.decidedOn),
    grade: isText(d.gradeName) ? localized(d.gradeName, locale) : (d.gradeId ?? ""),
    reason: d.reason ?? "",
    title: d.title ?? "",
    change: isText(d.kindName) ? localized(d.kindName, locale) : (d.changeKindId ?? ""),
  });
}
