/**
 * Substring search over the platform directory with a GIN index, on PGlite and PostgreSQL alike.
 *
 * Why not pg_trgm: trigram indexes need at least three characters of the query to narrow anything, and the
 * words people look for in Chinese are mostly two characters (电池, 芯片, 医药); pg_trgm would fall back to
 * scanning every row, and it is an extension PGlite would have to load. Instead each row stores its
 * normalized document (`search_text`) and the document's distinct unigrams and bigrams (`search_grams`,
 * text[] with a GIN index). Every substring of the document has all its bigrams among the document's, so
 * `search_grams @> bigrams(q)` keeps every true match (no false negatives); the few rows whose grams occur
 * in other places are then dropped by `position(q in search_text) > 0`, which gives exact substring
 * semantics. A one-character query uses the unigram.
 */

/** Separates the document's parts: a normalized query never contains it, so no match spans two parts. */
export const PART_SEPARATOR = "\n";

/** NFKC (full-width → half-width), lowercase, whitespace runs to one space, trimmed. */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** The searchable document of a row: its normalized, non-empty parts, one per line. */
export function searchDocument(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) => normalizeSearchText(part ?? ""))
    .filter((part) => part.length > 0)
    .join(PART_SEPARATOR);
}

/** Characters by code point, so a character outside the BMP (CJK extension B) is one character, as in SQL. */
const characters = (text: string): string[] => Array.from(text);

/** The distinct unigrams and bigrams of a document, none crossing a part boundary. */
export function documentGrams(document: string): string[] {
  const grams = new Set<string>();
  for (const part of document.split(PART_SEPARATOR)) {
    const chars = characters(part);
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]!);
      if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...grams];
}

export interface SearchPattern {
  /** The normalized query: the substring a match must contain. */
  needle: string;
  /** Grams every match's `search_grams` contains: the bigrams, or the one character. */
  grams: string[];
}

/** The pattern of a free-text query, or null when it is empty after normalization (no text filter). */
export function searchPattern(query: string): SearchPattern | null {
  const needle = normalizeSearchText(query);
  const chars = characters(needle);
  if (chars.length === 0) return null;
  if (chars.length === 1) return { needle, grams: [needle] };
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return { needle, grams: [...grams] };
}

export interface PlatformSearchSource {
  name: string;
  leadUnitName: string;
  fields: readonly string[];
  summary: string | null;
}

/** The search columns of a platform row: the one place every writer of `platforms` computes them. */
export function platformSearchColumns(source: PlatformSearchSource): {
  searchText: string;
  searchGrams: string[];
} {
  const searchText = searchDocument([source.name, source.leadUnitName, ...source.fields, source.summary]);
  return { searchText, searchGrams: documentGrams(searchText) };
}
