import type { DirectoryFacetRows, DirectoryRow } from "@kechuang/db";
import { directoryStatusOf } from "@kechuang/db";
import {
  type DirectoryFacets,
  type DirectoryItem,
  type LocalizedText,
  platformKindSchema,
} from "@kechuang/domain";
import { registry } from "@kechuang/policies";

/**
 * The directory's public shape (issue 12): names of jurisdictions come from the policy modules (the
 * source of truth), stored statuses become the public ones (active and rectifying are both `approved`).
 */

/** A jurisdiction's name from the module that governs it; a code without a module shows as itself. */
export function jurisdictionName(code: string, policyId?: string): LocalizedText {
  const module =
    (policyId ? registry.get(policyId) : undefined) ??
    registry
      .list()
      .map((summary) => registry.get(summary.id))
      .find((candidate) => candidate?.jurisdiction.code === code);
  return module?.jurisdiction.name ?? { zh: code, en: code };
}

export function toDirectoryItem(row: DirectoryRow): DirectoryItem {
  const status = directoryStatusOf(row.status);
  return {
    id: row.id,
    name: row.name,
    kind: platformKindSchema.parse(row.kind),
    policyId: row.policyId,
    jurisdiction: { code: row.jurisdiction, name: jurisdictionName(row.jurisdiction, row.policyId) },
    leadUnitName: row.leadUnitName,
    category: row.category,
    formationMode: row.formationMode,
    fields: row.fields,
    summary: row.summary,
    approvedOn: row.approvedOn,
    status,
    revokedOn: status === "revoked" ? row.revokedOn : null,
  };
}

export function toDirectoryFacets(rows: DirectoryFacetRows): DirectoryFacets {
  return {
    ...rows,
    jurisdictions: rows.jurisdictions.map((j) => ({ ...j, name: jurisdictionName(j.code) })),
    // A kind no module knows cannot be a filter value (the query schema would reject it).
    kinds: rows.kinds.flatMap((k) => {
      const kind = platformKindSchema.safeParse(k.value);
      return kind.success ? [{ value: kind.data, count: k.count }] : [];
    }),
  };
}
