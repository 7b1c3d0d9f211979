import type { RouterOutputs } from "@kechuang/api";
import type { PlanOutline } from "@kechuang/domain";

export type ApplicationDetail = RouterOutputs["applications"]["get"];
export type AvailableAction = ApplicationDetail["availableActions"][number];
export type HistoryRow = ApplicationDetail["history"][number];
export type VersionComparison = RouterOutputs["applications"]["compareVersions"];

/** The module's outline (编写提纲) the plan form is generated from, as the server sends it. */
export function outlineOf(app: ApplicationDetail): PlanOutline | null {
  return app.outline ?? null;
}

export type AttachmentRow = RouterOutputs["attachments"]["list"][number];
