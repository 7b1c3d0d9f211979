import {
  flattenSections,
  type LocalizedText,
  type PlanOutline,
  type SectionCompleteness,
} from "@kechuang/domain";

/** The applicant's "send it in" step: a first submission or an answer to a return-for-revision. */
const submitActions = ["submit", "resubmit"] as const;

export function submitAction<T extends { action: string }>(actions: readonly T[]): T | null {
  return actions.find((a) => (submitActions as readonly string[]).includes(a.action)) ?? null;
}

export interface MissingItem {
  sectionId: string;
  label: LocalizedText;
  /** Field labels from the outline (the bare id when the outline is not at hand). */
  fields: LocalizedText[];
}

/**
 * What stops submission, per section, in outline order — the same outline check the server's
 * plan-complete guard runs, so the button is never enabled for a plan the server would refuse.
 */
export function missingForSubmission(
  completeness: readonly SectionCompleteness[],
  outline: PlanOutline | null,
): MissingItem[] {
  const sections = outline ? flattenSections(outline) : [];
  const label = (sectionId: string, fieldId: string): LocalizedText =>
    sections.find((s) => s.id === sectionId)?.fields.find((f) => f.id === fieldId)?.label ?? {
      zh: fieldId,
      en: fieldId,
    };
  return completeness
    .filter((section) => !section.complete)
    .map((section) => ({
      sectionId: section.sectionId,
      label: {
        zh: `${section.number} ${section.title.zh}`,
        en: `${section.number} ${section.title.en}`,
      },
      fields: [...section.missing, ...section.invalid].map((fieldId) => label(section.sectionId, fieldId)),
    }));
}
