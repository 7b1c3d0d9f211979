import type { RouterOutputs } from "@kechuang/api";
import type { PlanOutline } from "@kechuang/domain";

export type ApplicationDetail = RouterOutputs["applications"]["get"];
export type AvailableAction = ApplicationDetail["availableActions"][number];
export type HistoryRow = ApplicationDetail["history"][number];
export type VersionComparison = RouterOutputs["applications"]["compareVersions"];

/**
 * The module's outline (编写提纲) the plan form is generated from. It must come from the server (portals
 * never import policy modules); `applications.get` does not return it yet, so this reads it when present
 * and the plan tab explains its absence otherwise.
 */
export function outlineOf(app: ApplicationDetail): PlanOutline | null {
  const withOutline = app as ApplicationDetail & { outline?: PlanOutline | null };
  return withOutline.outline ?? null;
}

export type AttachmentRow = RouterOutputs["attachments"]["list"][number];
