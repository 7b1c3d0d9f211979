import type { LocalizedText, OutlineSection, SectionCompleteness } from "@kechuang/domain";

export type PlanField = { id: string; label: LocalizedText | null; type: string; value: unknown };
export type PlanSection = {
  id: string;
  number: string;
  title: LocalizedText;
  /** null when nothing is known about completeness (no outline fields). */
  complete: boolean | null;
  fields: PlanField[];
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * The plan's sections for reading. With the outline: every section in outline order with every field
 * labelled. Without it: the completeness list's sections (number, title) with the stored values under
 * their field ids. Values filed under no known section are not dropped: a reviewer must see everything.
 */
export function planSections(
  outlineSections: readonly OutlineSection[] | null,
  completeness: readonly SectionCompleteness[],
  plan: Record<string, unknown>,
): PlanSection[] {
  const valuesOf = (id: string) => (isRecord(plan[id]) ? (plan[id] as Record<string, unknown>) : {});
  const completeOf = (id: string) => completeness.find((c) => c.sectionId === id)?.complete ?? null;
  const sections: PlanSection[] = outlineSections
    ? outlineSections.map((s) => ({
        id: s.id,
        number: s.number,
        title: s.title,
        complete: s.fields.length > 0 ? completeOf(s.id) : null,
        fields: s.fields.map((f) => ({
          id: f.id,
          label: f.label,
          type: f.type,
          value: valuesOf(s.id)[f.id],
        })),
      }))
    : completeness.map((c) => ({
        id: c.sectionId,
        number: c.number,
        title: c.title,
        complete: c.complete,
        fields: Object.entries(valuesOf(c.sectionId)).map(([id, value]) => ({
          id,
          label: null,
          type: typeof value,
          value,
        })),
      }));
  const known = new Set(sections.map((s) => s.id));
  for (const [id, values] of Object.entries(plan)) {
    if (known.has(id) || !isRecord(values)) continue;
    const fields = Object.entries(values).filter(([, v]) => !blank(v));
    if (fields.length === 0) continue;
    sections.push({
      id,
      number: "",
      title: { zh: id, en: id },
      complete: null,
      fields: fields.map(([fid, value]) => ({ id: fid, label: null, type: typeof value, value })),
    });
  }
  return sections;
}
