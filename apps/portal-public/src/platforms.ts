import type { LocalizedText } from "@kechuang/domain";

// Filtering, counting and paging the register moved to the server (platforms.directory, publicStats.summary):
// the portal no longer loads every platform to narrow them in the browser.

/** `fields` (重点领域) arrive as strings or localized pairs depending on the policy; show them as text. */
export function fieldLabels(fields: unknown, pick: (text: LocalizedText) => string): string[] {
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field): string[] => {
    if (typeof field === "string") return [field];
    if (typeof field === "object" && field !== null && "zh" in field && "en" in field) {
      return [pick(field as LocalizedText)];
    }
    return [];
  });
}
