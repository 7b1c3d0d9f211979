/** Most recently touched first: what the applicant last worked on is what they look for. */
export function newestFirst<T extends { updatedAt: string | Date }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime());
}

/** A policy's title for a row; the bare id when the policy list has not loaded (or lacks it). */
export function policyTitle(
  policies: readonly { id: string; title: string }[] | undefined,
  id: string,
): string {
  return policies?.find((policy) => policy.id === id)?.title ?? id;
}
