import { describe, expect, it } from "vitest";
import { nextSaveStatus, type SaveEvent, type SaveStatus, saveStatusKey } from "./autosave";

const run = (events: SaveEvent[], from: SaveStatus = "idle") => events.reduce(nextSaveStatus, from);

describe("autosave status", () => {
  it("goes pending → saving → saved", () => {
    expect(run([{ type: "edited" }])).toBe("pending");
    expect(run([{ type: "edited" }, { type: "started" }, { type: "succeeded" }])).toBe("saved");
  });

  it("tells a conflict apart from other failures", () => {
    expect(run([{ type: "started" }, { type: "failed", code: "CONFLICT" }])).toBe("conflict");
    expect(run([{ type: "started" }, { type: "failed", code: null }])).toBe("failed");
  });

  it("keeps showing a conflict while the user keeps typing", () => {
    expect(run([{ type: "edited" }], "conflict")).toBe("conflict");
    expect(run([{ type: "edited" }], "failed")).toBe("pending");
    expect(run([{ type: "reloaded" }, { type: "edited" }], "conflict")).toBe("pending");
  });

  it("has a message for every status but idle", () => {
    expect(saveStatusKey("idle")).toBeNull();
    expect(saveStatusKey("saved")).toBe("editor.save.saved");
  });
});
