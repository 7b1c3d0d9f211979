/** A message tree: nested objects whose leaves are strings. */
export type MessageTree = { readonly [key: string]: string | MessageTree };

/** The same tree shape with every leaf widened to `string`, so another locale must fill the same keys. */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/** Every leaf key as a dotted path, sorted: what the parity tests compare between locales. */
export function messageKeys(tree: MessageTree, prefix = ""): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === "string" ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
    )
    .sort();
}

/** Keys present in one locale and missing in the other, both ways; empty when they agree. */
export function keyDifferences(a: MessageTree, b: MessageTree): { onlyInA: string[]; onlyInB: string[] } {
  const keysA = new Set(messageKeys(a));
  const keysB = new Set(messageKeys(b));
  return {
    onlyInA: [...keysA].filter((key) => !keysB.has(key)),
    onlyInB: [...keysB].filter((key) => !keysA.has(key)),
  };
}

/** Leaves that are blank: a translation nobody wrote yet. */
export function blankMessages(tree: MessageTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? value.trim() === ""
        ? [`${prefix}${key}`]
        : []
      : blankMessages(value, `${prefix}${key}.`),
  );
}
