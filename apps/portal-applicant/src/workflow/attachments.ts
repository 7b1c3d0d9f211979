/**
 * A courtesy check before upload so the user hears at once about an obvious mistake; the server decides
 * by the file's content (magic bytes), never by its name, and may still refuse.
 */
export const attachmentMaxBytes = 10 * 1024 * 1024;

export const attachmentAccept = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg";

const allowedExtensions = new Set(attachmentAccept.split(",").map((ext) => ext.slice(1)));

export type AttachmentProblem = "too-large" | "empty" | "type";

export function precheckAttachment(file: { name: string; size: number }): AttachmentProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > attachmentMaxBytes) return "too-large";
  const extension = file.name.includes(".") ? file.name.split(".").pop()?.toLowerCase() : undefined;
  return extension && allowedExtensions.has(extension) ? null : "type";
}

/** Bytes → base64 in chunks (String.fromCharCode on 10 MiB at once overflows the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** 1.5 MB / 320 KB: sizes as people read them. */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} B`;
}
