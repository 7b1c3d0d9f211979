/**
 * Autosave as a small state machine, so the indicator (已保存/保存中/保存失败) and the conflict
 * handling are decided in one tested place rather than spread over effects.
 */
export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "failed" | "conflict";

export type SaveEvent =
  | { type: "edited" }
  | { type: "started" }
  | { type: "succeeded" }
  | { type: "failed"; code: string | null }
  /** The latest version was loaded after a conflict: the editor starts clean from it. */
  | { type: "reloaded" };

export function nextSaveStatus(status: SaveStatus, event: SaveEvent): SaveStatus {
  switch (event.type) {
    case "edited":
      // While a conflict is shown the editor reloads; edits wait for that, they do not overwrite it.
      return status === "conflict" ? "conflict" : "pending";
    case "started":
      return "saving";
    case "succeeded":
      return "saved";
    case "failed":
      return event.code === "CONFLICT" ? "conflict" : "failed";
    case "reloaded":
      return "idle";
  }
}

/** The indicator's message key (portal namespace) for a status, or null when nothing to say yet. */
export function saveStatusKey(status: SaveStatus): string | null {
  switch (status) {
    case "idle":
      return null;
    case "pending":
      return "editor.save.pending";
    case "saving":
      return "editor.save.saving";
    case "saved":
      return "editor.save.saved";
    case "failed":
      return "editor.save.failed";
    case "conflict":
      return "editor.save.conflict";
  }
}

export const autosaveDelayMs = 1200;
