import { describe, expect, it } from "vitest";
import { buildZip } from "../workflow/testing";
import {
  attachmentFileName,
  type DetectedType,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  sanitizeDisplayName,
  storedAttachmentName,
  stripUnsafeNameCharacters,
} from "./sniff";

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

describe("attachmentFileName", () => {
  const typeOf = (bytes: Buffer): DetectedType => {
    const r = detectAttachmentType(bytes);
    if (!r.ok) throw new Error(r.error.en);
    return r.value;
  };
  const pdf = typeOf(Buffer.from("%PDF-1.4\n"));
  const jpeg = typeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]));
  const cfb = typeOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]));

  it("gives the name the extension of the detected type, never the uploader's", () => {
    expect(attachmentFileName("申报材料.html", pdf)).toBe("申报材料.pdf");
    expect(attachmentFileName("申报材料.PDF.exe", pdf)).toBe("申报材料.PDF.pdf");
    expect(attachmentFileName("建设方案", pdf)).toBe("建设方案.pdf");
    expect(attachmentFileName("x.pdf. . ", pdf)).toBe("x.pdf");
    expect(attachmentFileName("...", pdf)).toBe("attachment.pdf");
    expect(attachmentFileName("../../etc/passwd", pdf)).toBe("passwd.pdf");
  });

  it("keeps the uploader's extension only when it names the same type", () => {
    expect(attachmentFileName("report.Pdf", pdf)).toBe("report.pdf");
    expect(attachmentFileName("photo.jpeg", jpeg)).toBe("photo.jpeg");
    expect(attachmentFileName("photo.png", jpeg)).toBe("photo.jpg");
    expect(attachmentFileName("预算.xls", cfb)).toBe("预算.xls");
    expect(attachmentFileName("预算.html", cfb)).toBe("预算.doc");
  });

  it("strips bidi overrides, isolates, marks and control characters", () => {
    // U+202E would show "申报材料\u202Efdp.exe" as "申报材料exe.pdf".
    expect(attachmentFileName("申报材料\u202Efdp.exe", pdf)).toBe("申报材料fdp.pdf");
    const bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(stripUnsafeNameCharacters(`a${bidi}b`)).toBe("ab");
    expect(stripUnsafeNameCharacters("a\u0000\u0009\u001f\u007f\u0085\u009fb")).toBe("ab");
    expect(sanitizeDisplayName("\u202E\u2066../x.pdf")).toBe("x.pdf");
    expect(stripUnsafeNameCharacters("建设方案 (终稿).docx")).toBe("建设方案 (终稿).docx");
  });

  it("corrects a row stored before names were fixed, by its stored MIME type", () => {
    expect(storedAttachmentName({ displayName: "申报材料\u202Efdp.html", mime: "application/pdf" })).toBe(
      "申报材料fdp.pdf",
    );
    expect(storedAttachmentName({ displayName: "a\u202E.bin", mime: "application/unknown" })).toBe("a.bin");
  });
});
