import type { LocalizedText } from "@kechuang/domain";

/**
 * What a failed request means to the user. tRPC errors carry `data.code` (e.g. "UNAUTHORIZED") and,
 * from our server, a correlation id the user can quote to an administrator.
 */
export type ErrorKind = "unauthorized" | "forbidden" | "not-found" | "rate-limited" | "network" | "other";

export type DescribedError = {
  kind: ErrorKind;
  /** The tRPC error code, when the server answered. */
  code: string | null;
  correlationId: string | null;
  /** The server's own user-readable message, in both locales when the server sent them. */
  serverText: LocalizedText | null;
  /** Extra flags the server sets in `error.data`, e.g. `needsTotp`. */
  data: Record<string, unknown>;
};

const kindOfCode: Record<string, ErrorKind> = {
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not-found",
  TOO_MANY_REQUESTS: "rate-limited",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const stringOrNull = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;

export function describeError(error: unknown): DescribedError {
  const data = isRecord(error) && isRecord(error.data) ? error.data : {};
  const code = stringOrNull(data.code);
  const message = isRecord(error) ? stringOrNull(error.message) : null;
  const localizedMessage = isRecord(data.localizedMessage) ? data.localizedMessage : null;
  const kind: ErrorKind = code
    ? (kindOfCode[code] ?? "other")
    : message && /fetch|network|Failed to/i.test(message)
      ? "network"
      : "other";
  return {
    kind,
    code,
    correlationId: stringOrNull(data.correlationId) ?? stringOrNull(data.requestId),
    serverText:
      localizedMessage && typeof localizedMessage.zh === "string" && typeof localizedMessage.en === "string"
        ? { zh: localizedMessage.zh, en: localizedMessage.en }
        : null,
    data,
  };
}
