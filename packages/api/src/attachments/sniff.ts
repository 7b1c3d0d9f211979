import { inflateRawSync } from "node:zlib";
import { err, type LocalizedText, ok, type Result } from "@kechuang/domain";

/**
 * Decides what an uploaded file is from its bytes, never from its name, against a short allow-list:
 * PDF, PNG, JPEG, legacy Office (CFB: doc/xls) and Office Open XML (docx/xlsx/pptx). A zip is accepted only
 * when its [Content_Types].xml and its main part folder say which Office format it is, and only after every
 * entry has been inflated under a byte budget, so a zip bomb is refused without ever being fully expanded.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Uncompressed budget for an Office file, and the largest compression ratio believed to be honest. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 100;
const MAX_ZIP_ENTRIES = 5_000;

export interface DetectedType {
  mime: string;
  extension: string;
  /** Other spellings of the same type an uploader's name may keep (legacy Office shares one container). */
  alsoKnownAs?: readonly string[];
}

const PDF: DetectedType = { mime: "application/pdf", extension: "pdf" };
const PNG: DetectedType = { mime: "image/png", extension: "png" };
const JPEG: DetectedType = { mime: "image/jpeg", extension: "jpg", alsoKnownAs: ["jpeg"] };
const CFB: DetectedType = { mime: "application/x-cfb", extension: "doc", alsoKnownAs: ["xls", "ppt"] };
const OOXML: Record<string, DetectedType> = {
  "word/": {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  "xl/": { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  "ppt/": {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extension: "pptx",
  },
};

const startsWith = (bytes: Buffer, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const refused = (zh: string, en: string): Result<never, LocalizedText> => err({ zh, en });

export function detectAttachmentType(bytes: Buffer): Result<DetectedType, LocalizedText> {
  if (bytes.length === 0) return refused("文件为空", "the file is empty");
  if (bytes.length > MAX_ATTACHMENT_BYTES) return refused("文件超过 10 MiB", "the file exceeds 10 MiB");
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ok(PDF);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok(PNG);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ok(JPEG);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ok(CFB);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeZip(bytes);
  return refused(
    "仅接受 PDF、Office 文档（doc/docx/xls/xlsx/pptx）和 PNG/JPEG 图片",
    "only PDF, Office documents (doc/docx/xls/xlsx/pptx) and PNG/JPEG images are accepted",
  );
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Reads the central directory (the authoritative list of entries) from the end-of-directory record. */
function readCentralDirectory(bytes: Buffer): ZipEntry[] | null {
  const minEocd = 22;
  const searchFrom = Math.max(0, bytes.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count > MAX_ZIP_ENTRIES) return null;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates every entry within the remaining budget; the real sizes, not the declared ones, are counted. */
function inflatedTotal(bytes: Buffer, entries: ZipEntry[], limit: number): number | null {
  let total = 0;
  for (const entry of entries) {
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== 0x04034b50) return null;
    const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const budget = limit - total;
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch {
        return Number.POSITIVE_INFINITY; // over budget (RangeError) or corrupt: refuse either way
      }
    } else return null;
    if (total > limit) return Number.POSITIVE_INFINITY;
  }
  return total;
}

function detectOfficeZip(bytes: Buffer): Result<DetectedType, LocalizedText> {
  const entries = readCentralDirectory(bytes);
  const notOffice = refused(
    "压缩文件不是有效的 Office 文档（仅接受 docx/xlsx/pptx）",
    "the zip is not a valid Office document (only docx/xlsx/pptx are accepted)",
  );
  if (!entries) return notOffice;
  const names = entries.map((e) => e.name);
  if (!names.includes("[Content_Types].xml")) return notOffice;
  const kind = Object.keys(OOXML).find((folder) => names.some((n) => n.startsWith(folder)));
  if (!kind) return notOffice;
  // The budget is the smaller of the absolute cap and the honest ratio: a bomb stops early and cheaply.
  const limit = Math.min(MAX_UNZIPPED_BYTES, bytes.length * MAX_COMPRESSION_RATIO);
  const total = inflatedTotal(bytes, entries, limit);
  if (total === null) return notOffice;
  if (total > limit) {
    return refused("文件解压后体积异常（疑似压缩炸弹）", "the file expands far too much (a zip bomb?)");
  }
  return ok(OOXML[kind]!);
}

/**
 * Bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F marks,
 * U+061C) make "申报材料\u202Efdp.exe" display as "申报材料exe.pdf"; control characters (C0, DEL, C1) break
 * headers and terminals. None belongs in a file name.
 */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Removes bidi and control characters (also used on every downloaded file name). */
export function stripUnsafeNameCharacters(name: string): string {
  return name.replace(UNSAFE_NAME_CHARACTERS, "");
}

/** A label for display only: no folders, no control or bidi characters, bounded. Never used as a path. */
export function sanitizeDisplayName(name: string): string {
  const base = stripUnsafeNameCharacters(name).split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/^\.+/, "").trim().slice(0, 200);
  return cleaned || "attachment";
}

/**
 * The name an attachment row is offered under, applied again at every read: rows stored before names got
 * their detected extension are corrected on the way out (rows store the MIME type the bytes were detected as).
 */
export function storedAttachmentName(row: { displayName: string; mime: string }): string {
  const type = [PDF, PNG, JPEG, CFB, ...Object.values(OOXML)].find((t) => t.mime === row.mime);
  return type ? attachmentFileName(row.displayName, type) : sanitizeDisplayName(row.displayName);
}

/**
 * The name a file is stored and downloaded under: the sanitized label with the extension of the type its
 * bytes were detected as, so a PDF named "申报材料.html" is offered as "申报材料.pdf" and never opened as
 * a page. The uploader's extension stays only when it is a spelling of that same type (.jpeg, .xls).
 */
export function attachmentFileName(name: string, type: DetectedType): string {
  // Trailing dots and spaces are dropped by Windows, which would bring the uploader's extension back.
  const label = sanitizeDisplayName(name).replace(/[.\s]+$/, "");
  const dot = label.lastIndexOf(".");
  const stem = dot > 0 ? label.slice(0, dot) : label;
  const given = dot > 0 ? label.slice(dot + 1).toLowerCase() : "";
  const extension = [type.extension, ...(type.alsoKnownAs ?? [])].includes(given) ? given : type.extension;
  return `${stem.trimEnd() || "attachment"}.${extension}`;
}
