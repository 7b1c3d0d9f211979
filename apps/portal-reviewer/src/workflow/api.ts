import type { RouterOutputs } from "@kechuang/api";

/** The server's shapes this portal renders, named once. */
export type ApplicationDetail = RouterOutputs["applications"]["get"];
export type AvailableAction = ApplicationDetail["availableActions"][number];
export type HistoryItem = ApplicationDetail["history"][number];
export type AttachmentRow = RouterOutputs["attachments"]["list"][number];
export type PanelView = RouterOutputs["review"]["panel"];
export type ExpertLoad = RouterOutputs["review"]["expertLoads"][number];
export type OpinionRow = RouterOutputs["review"]["opinions"][number];
export type ObjectionRow = RouterOutputs["publicity"]["objections"][number];
export type NotificationRow = RouterOutputs["notifications"]["list"][number];
export type QueueItem = RouterOutputs["review"]["queue"][number];
