import type { Citation } from "@kechuang/domain";

/** The element id of a clause in the public policy library; citations link to `#clause-<id>`. */
export const clauseElementId = (clauseId: string): string => `clause-${clauseId}`;

/**
 * Where a citation's clause lives in the public policy library. Every portal links citations
 * through this one helper so that all of them land on the same anchor.
 */
export const citationHref = (citation: Pick<Citation, "source" | "clause">): string =>
  `/public/policies/${encodeURIComponent(citation.source)}#${encodeURIComponent(clauseElementId(citation.clause))}`;

/** The clause id a library URL's hash points at (`#clause-%E4%B8%89…` → "三…"), or null. */
export function clauseIdFromHash(hash: string): string | null {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded.startsWith("clause-") && decoded.length > "clause-".length
    ? decoded.slice("clause-".length)
    : null;
}
