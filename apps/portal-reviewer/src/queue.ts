import type { Role } from "@kechuang/domain";

/** Roles that review applications; administrators (三员) have no review queue. */
export const reviewingRoles = ["recommender", "expert", "authority"] as const satisfies readonly Role[];
export const hasReviewQueue = (role: Role): boolean => (reviewingRoles as readonly Role[]).includes(role);

/** Longest waiting first: the queue is worked from the top. */
export function longestWaitingFirst<T extends { waitingSince: string | Date }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => new Date(a.waitingSince).getTime() - new Date(b.waitingSince).getTime());
}

/** Items waiting this long are flagged; a local convention, not a clause of any policy. */
export const overdueAfterDays = 14;
