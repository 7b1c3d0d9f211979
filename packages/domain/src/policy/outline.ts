import { z } from "zod";
import { isoDateSchema, type LocalizedText } from "../common";
import { type OutlineField, type OutlineSection, outlineSectionSchema, type PlanOutline } from "./contract";

/**
 * A plan's content follows its module's outline (编写提纲): `{ [sectionId]: { [fieldId]: value } }`,
 * flat over sections at any depth (section ids are unique in an outline, `validateOutline` checks it),
 * so a form, a stored draft and a validation error all address a field by the same two ids.
 */

export const LONGTEXT_MAX = 20_000;
export const TEXT_MAX = 500;

export type PlanContent = Record<string, Record<string, unknown>>;

/** Every section of an outline, depth first, parents before children. */
export function flattenSections(outline: PlanOutline): OutlineSection[] {
  const out: OutlineSection[] = [];
  const walk = (sections: readonly OutlineSection[]) => {
    for (const section of sections) {
      out.push(section);
      walk(section.children ?? []);
    }
  };
  walk(outline.sections);
  return out;
}

function valueSchema(field: OutlineField): z.ZodType {
  switch (field.type) {
    case "text":
      return z.string().trim().min(1).max(TEXT_MAX);
    case "longtext":
      return z.string().trim().min(1).max(LONGTEXT_MAX);
    case "number":
      return z.number().finite();
    case "cny":
      return z.number().int().nonnegative();
    case "date":
      return isoDateSchema;
  }
}

function build(outline: PlanOutline, allOptional: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const section of flattenSections(outline)) {
    if (section.fields.length === 0) continue;
    const fields: Record<string, z.ZodType> = {};
    for (const field of section.fields) {
      const value = valueSchema(field);
      fields[field.id] = field.required && !allOptional ? value : value.optional();
    }
    const object = allOptional ? z.object(fields) : z.strictObject(fields);
    const required = !allOptional && section.fields.some((f) => f.required);
    shape[section.id] = required ? object : object.optional();
  }
  return allOptional ? z.object(shape) : z.strictObject(shape);
}

/** The schema a submitted plan must pass: required fields present and non-empty, every value typed. */
export const outlineContentSchema = (outline: PlanOutline) => build(outline, false);

/** A saved draft: any subset of fields, each still typed (a draft may be incomplete, never malformed). */
export const outlineDraftSchema = (outline: PlanOutline) => build(outline, true);

export interface SectionCompleteness {
  sectionId: string;
  number: string;
  title: LocalizedText;
  complete: boolean;
  /** Required fields with no usable value. */
  missing: string[];
  /** Fields with a value of the wrong type or size (required or not). */
  invalid: string[];
}

/** Per section, what still stops submission: drives the "which sections are complete" view. */
export function outlineCompleteness(outline: PlanOutline, content: unknown): SectionCompleteness[] {
  const root = isRecord(content) ? content : {};
  return flattenSections(outline).map((section) => {
    const values = isRecord(root[section.id]) ? (root[section.id] as Record<string, unknown>) : {};
    const missing: string[] = [];
    const invalid: string[] = [];
    for (const field of section.fields) {
      const value = values[field.id];
      const empty =
        value === undefined || value === null || (typeof value === "string" && value.trim() === "");
      if (empty) {
        if (field.required) missing.push(field.id);
      } else if (!valueSchema(field).safeParse(value).success) {
        invalid.push(field.id);
      }
    }
    return {
      sectionId: section.id,
      number: section.number,
      title: section.title,
      complete: missing.length === 0 && invalid.length === 0,
      missing,
      invalid,
    };
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems with an outline itself (conformance): shape, numbering, unique ids. Empty when fine. */
export function validateOutline(outline: PlanOutline): string[] {
  const problems: string[] = [];
  if (!outline.ruleId) problems.push("outline has no ruleId");
  if (outline.sections.length === 0) problems.push("outline has no sections");
  for (const section of outline.sections) {
    const parsed = outlineSectionSchema.safeParse(section);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`section "${section.id}": ${issue.path.join(".")}: ${issue.message}`);
      }
    }
  }
  const sections = flattenSections(outline);
  for (const id of duplicates(sections.map((s) => s.id))) problems.push(`section id "${id}" is used twice`);
  for (const n of duplicates(sections.map((s) => s.number).filter(Boolean))) {
    problems.push(`section number "${n}" is used twice`);
  }
  for (const section of sections) {
    if (!section.number?.trim()) problems.push(`section "${section.id}" has no number`);
    for (const id of duplicates(section.fields.map((f) => f.id))) {
      problems.push(`section "${section.id}": field id "${id}" is used twice`);
    }
  }
  if (sections.every((s) => s.fields.every((f) => !f.required))) {
    problems.push("outline has no required field: any empty plan would be complete");
  }
  return problems;
}

const duplicates = (ids: readonly string[]): string[] => [
  ...new Set(ids.filter((id, i) => ids.indexOf(id) !== i)),
];
