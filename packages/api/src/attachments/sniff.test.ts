import { describe, expect, it } from "vitest";
import { buildZip } from "../workflow/testing";
import { detectAttachmentType, MAX_ATTACHMENT_BYTES, sanitizeDisplayName } from "./sniff";

const mimeOf = (bytes: Buffer) => {
  const r = detectAttachmentType(bytes);
  return r.ok ? r.value.mime : `refused: ${r.error.en}`;
};

describe("detectAttachmentType", () => {
  it("recognises the allow-listed formats by their bytes", () => {
    expect(mimeOf(Buffer.from("%PDF-1.4\n"))).toBe("application/pdf");
    expect(mimeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(mimeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe("image/jpeg");
    expect(mimeOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(
      "application/x-cfb",
    );
    const xlsx = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), deflate: true },
    ]);
    expect(mimeOf(xlsx)).toContain("spreadsheetml");
  });

  it("refuses executables, scripts, empty and oversized files", () => {
    expect(mimeOf(Buffer.from("MZ\x90\x00"))).toMatch(/^refused/);
    expect(mimeOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))).toMatch(/^refused/);
    expect(mimeOf(Buffer.from("#!/bin/sh\nrm -rf /\n"))).toMatch(/^refused/);
    expect(mimeOf(Buffer.alloc(0))).toMatch(/^refused/);
    const huge = Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(mimeOf(huge)).toMatch(/10 MiB/);
  });

  it("refuses a zip that only claims to be Office (no [Content_Types].xml) or holds a bomb", () => {
    const fake = buildZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]);
    expect(mimeOf(fake)).toMatch(/not a valid Office/);
    const bomb = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.alloc(20 * 1024 * 1024), deflate: true },
    ]);
    expect(mimeOf(bomb)).toMatch(/zip bomb/);
  });
});

describe("sanitizeDisplayName", () => {
  it("keeps only a printable base name, never a path", () => {
    expect(sanitizeDisplayName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeDisplayName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(sanitizeDisplayName("a\u0000b\u001f.pdf")).toBe("ab.pdf");
    expect(sanitizeDisplayName("...")).toBe("attachment");
    expect(sanitizeDisplayName("建设方案.docx")).toBe("建设方案.docx");
  });
});
