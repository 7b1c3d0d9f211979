import type { LocalizedText } from "@kechuang/domain";

/** The part of an approved platform the filters and counts look at. */
export type PlatformLike = {
  kind: string;
  jurisdiction: { code: string; name: LocalizedText };
  /** `delisted`: revoked, still listed in the register but no longer counted. */
  status?: string;
};

export type PlatformFilter = { jurisdiction: string | null; kind: string | null };
export const noFilter: PlatformFilter = { jurisdiction: null, kind: null };

export const isFiltered = (filter: PlatformFilter): boolean =>
  filter.jurisdiction !== null || filter.kind !== null;

export function filterPlatforms<T extends PlatformLike>(rows: readonly T[], filter: PlatformFilter): T[] {
  return rows.filter(
    (row) =>
      (filter.jurisdiction === null || row.jurisdiction.code === filter.jurisdiction) &&
      (filter.kind === null || row.kind === filter.kind),
  );
}

export type PlatformCounts = { centers: number; zones: number; jurisdictions: number };

/** Platforms in the register now: a revoked one is listed (marked) but not counted. */
export function countPlatforms(all: readonly PlatformLike[]): PlatformCounts {
  const rows = all.filter((row) => row.status !== "delisted");
  return {
    centers: rows.filter((row) => row.kind === "tech-innovation-center").length,
    zones: rows.filter((row) => row.kind === "transfer-demonstration-zone").length,
    jurisdictions: new Set(rows.map((row) => row.jurisdiction.code)).size,
  };
}

/** One option per jurisdiction present in the data, in the order first seen. */
export function jurisdictionsOf(rows: readonly PlatformLike[]): { code: string; name: LocalizedText }[] {
  const byCode = new Map<string, LocalizedText>();
  for (const row of rows)
    if (!byCode.has(row.jurisdiction.code)) byCode.set(row.jurisdiction.code, row.jurisdiction.name);
  return [...byCode].map(([code, name]) => ({ code, name }));
}

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
