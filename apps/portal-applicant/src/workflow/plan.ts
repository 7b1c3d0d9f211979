import {
  flattenSections,
  LONGTEXT_MAX,
  type OutlineField,
  type OutlineSection,
  type PlanContent,
  type PlanOutline,
  TEXT_MAX,
} from "@kechuang/domain";

/**
 * The plan form is generated from the module's outline (编写提纲): one form item per outline field,
 * addressed as [sectionId, fieldId] — the same two ids the stored plan and the server's completeness use,
 * so a province adding a section needs no portal change.
 */

/** Sections that hold fields (a pure heading section has nothing to fill). */
export const fillableSections = (outline: PlanOutline): OutlineSection[] =>
  flattenSections(outline).filter((section) => section.fields.length > 0);

export interface FieldRule {
  required?: boolean;
  whitespace?: boolean;
  max?: number;
  type?: "string" | "number" | "integer";
  min?: number;
  pattern?: RegExp;
  message: string;
}

export interface RuleMessages {
  required: string;
  tooLong: (max: number) => string;
  notNegative: string;
  date: string;
}

/** antd Form rules mirroring the domain's outline value schema (outline.ts `valueSchema`). */
export function fieldRules(field: OutlineField, messages: RuleMessages): FieldRule[] {
  const rules: FieldRule[] = [];
  if (field.required) rules.push({ required: true, whitespace: true, message: messages.required });
  switch (field.type) {
    case "text":
      rules.push({ max: TEXT_MAX, message: messages.tooLong(TEXT_MAX) });
      break;
    case "longtext":
      rules.push({ max: LONGTEXT_MAX, message: messages.tooLong(LONGTEXT_MAX) });
      break;
    case "cny":
      rules.push({ type: "integer", min: 0, message: messages.notNegative });
      break;
    case "date":
      rules.push({ pattern: /^\d{4}-\d{2}-\d{2}$/, message: messages.date });
      break;
    case "number":
      break;
  }
  return rules;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * Form values → stored plan: only fields of the outline, empty values dropped (a draft may be partial,
 * never padded with blanks that would read as "answered").
 */
export function planFromForm(outline: PlanOutline, values: unknown): PlanContent {
  const root = isRecord(values) ? values : {};
  const plan: PlanContent = {};
  for (const section of fillableSections(outline)) {
    const sectionValues = isRecord(root[section.id]) ? (root[section.id] as Record<string, unknown>) : {};
    const kept: Record<string, unknown> = {};
    for (const field of section.fields) {
      const value = sectionValues[field.id];
      if (!isEmpty(value)) kept[field.id] = value;
    }
    if (Object.keys(kept).length > 0) plan[section.id] = kept;
  }
  return plan;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
