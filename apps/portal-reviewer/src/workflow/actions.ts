import { describeError } from "@kechuang/ui";
import type { AvailableAction } from "./api";

/**
 * What the generic action runner must ask for before it sends an action. Most actions are a confirmation
 * through `applications.transition`; `needsReason` ones (returns, rejections) add a mandatory reason.
 * Two actions carry data of their own: opening publicity needs the notice and its closing date (only the
 * authority can set it: 调休 shifts working days) and goes through `publicity.open`; upholding an objection
 * is a ruling on one objection, made on its row in the publicity panel.
 */
export type ActionRoute = "transition" | "publicity-notice" | "objection-row";

export type ActionFormNeeds = {
  route: ActionRoute;
  reason: boolean;
  /** Destructive-looking actions get a red button. */
  danger: boolean;
};

const dangerousActions = new Set([
  "reject",
  "return-to-applicant",
  "request-revision",
  "withdraw",
  "uphold-objection",
]);
const ownRoutes: Record<string, ActionRoute> = {
  "open-publicity": "publicity-notice",
  "uphold-objection": "objection-row",
};

export function actionFormNeeds(action: Pick<AvailableAction, "action" | "needsReason">): ActionFormNeeds {
  const route = ownRoutes[action.action] ?? "transition";
  return {
    route,
    reason: route === "transition" && action.needsReason === true,
    danger: dangerousActions.has(action.action),
  };
}

/** A stale `expectedVersion`: someone else moved the application first; the page reloads it. */
export const isVersionConflict = (error: unknown): boolean => describeError(error).code === "CONFLICT";

/** One key per user intent: a retried request with the same key does not move the application twice. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/** The stable hook the browser tests drive: `action-<actionId>`. */
export const actionTestId = (actionId: string): string => `action-${actionId}`;
