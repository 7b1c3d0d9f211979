import { describe, expect, it } from "vitest";
import { attachmentMaxBytes, bytesToBase64, formatBytes, precheckAttachment } from "./attachments";

describe("precheckAttachment", () => {
  it("accepts allowed kinds within the size cap", () => {
    expect(precheckAttachment({ name: "方案.PDF", size: 1000 })).toBeNull();
    expect(precheckAttachment({ name: "budget.xlsx", size: attachmentMaxBytes })).toBeNull();
  });
  it("refuses oversized, empty and other kinds", () => {
    expect(precheckAttachment({ name: "a.pdf", size: attachmentMaxBytes + 1 })).toBe("too-large");
    expect(precheckAttachment({ name: "a.pdf", size: 0 })).toBe("empty");
    expect(precheckAttachment({ name: "setup.exe", size: 10 })).toBe("type");
    expect(precheckAttachment({ name: "noextension", size: 10 })).toBe("type");
  });
});

describe("bytesToBase64", () => {
  it("encodes large inputs without overflowing and round-trips", () => {
    // Several 32 KiB chunks: one spread of the whole array would overflow the call stack.
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    const decoded = Buffer.from(bytesToBase64(bytes), "base64");
    // Compared as buffers: a deep equality of 200,000 elements is slow enough to time out on a busy machine.
    expect(decoded.length).toBe(bytes.length);
    expect(decoded.equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("formatBytes", () => {
  it("reads as people expect", () => {
    expect(formatBytes(500)).toBe("500 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(1_572_864)).toBe("1.5 MB");
  });
});
