import type { RouterOutputs } from "@kechuang/api";
import type { LocalizedText, PlanOutline } from "@kechuang/domain";

/**
 * The server's shapes this portal renders, named once. `applications.get` carries the module's outline
 * and stage names but not (yet) scoring criteria: those stay optional here and the screens fall back
 * (plan by completeness sections, common stage names, one overall score) when the server omits them.
 */
export type ApplicationDetail = RouterOutputs["applications"]["get"] & {
  outline?: PlanOutline | null;
  stages?: { id: string; name: LocalizedText }[];
  criteria?: { id: string; label: LocalizedText }[];
};
export type AvailableAction = ApplicationDetail["availableActions"][number];
export type HistoryItem = ApplicationDetail["history"][number];
export type AttachmentRow = RouterOutputs["attachments"]["list"][number];
export type PanelView = RouterOutputs["review"]["panel"];
export type ExpertLoad = RouterOutputs["review"]["expertLoads"][number];
export type OpinionRow = RouterOutputs["review"]["opinions"][number];
export type ObjectionRow = RouterOutputs["publicity"]["objections"][number];
export type NotificationRow = RouterOutputs["notifications"]["list"][number];
export type QueueItem = RouterOutputs["review"]["queue"][number];
