import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";

/**
 * HTTP validators for the open data (RFC 9110 §8.8, §13): every public GET of the REST API carries an ETag
 * and a Last-Modified, and is stored by caches only on condition that they revalidate each time
 * (`no-cache`), so a client or proxy never shows a revoked platform as approved, yet pays only a 304 when
 * nothing changed.
 */
export const PUBLIC_CACHE_CONTROL = "public, no-cache";

const digest = (...parts: (string | Buffer)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("base64url").slice(0, 32);
};

/** A strong validator: the hash of the exact bytes sent. */
export const strongETag = (body: string | Buffer): string => `"${digest(body)}"`;

/**
 * A weak validator for bodies that are produced while they stream (downloads): the hash of what decides
 * their content (route, query, data version), not of the bytes, which are not known before they are sent.
 */
export const weakETag = (...parts: string[]): string => `W/"${digest(parts.join("\u0000"))}"`;

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`; `*` matches any current representation. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => opaque(candidate) === opaque(etag));
}

/** HTTP dates have whole seconds: a Last-Modified is compared at that precision. */
const wholeSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export const httpDate = (date: Date): string => new Date(wholeSeconds(date) * 1000).toUTCString();

export interface Validators {
  etag: string;
  lastModified: Date;
}

/**
 * RFC 9110 §13.2.2: If-None-Match decides when present; only without it does If-Modified-Since count
 * (an unparsable date is ignored).
 */
export function isNotModified(
  headers: { "if-none-match"?: string | undefined; "if-modified-since"?: string | undefined },
  validators: Validators,
): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, validators.etag);
  const since = headers["if-modified-since"];
  if (!since) return false;
  const sinceTime = Date.parse(since);
  if (Number.isNaN(sinceTime)) return false;
  return wholeSeconds(validators.lastModified) <= Math.floor(sinceTime / 1000);
}

export function setValidators(reply: FastifyReply, validators: Validators): FastifyReply {
  return reply
    .header("etag", validators.etag)
    .header("last-modified", httpDate(validators.lastModified))
    .header("cache-control", PUBLIC_CACHE_CONTROL);
}

/** Sets the validators and the cache policy; answers true (and a 304) when the client's copy is current. */
export function applyValidators(
  request: FastifyRequest,
  reply: FastifyReply,
  validators: Validators,
): boolean {
  setValidators(reply, validators);
  if ((request.method !== "GET" && request.method !== "HEAD") || !isNotModified(request.headers, validators))
    return false;
  reply.code(304);
  return true;
}

/**
 * Route-level onSend hook for public JSON GETs: a strong ETag over the serialized body, the route's
 * Last-Modified, and a 304 with no body when the client already holds it. It runs after the app-wide hook
 * that marks /api/ answers `no-store` (security.ts), and replaces that mark with the public policy. Error
 * answers keep `no-store`; a handler that set its own validators (a download) keeps them.
 */
export function publicCacheHook(lastModified: (request: FastifyRequest) => Promise<Date>): onSendHookHandler {
  return async (request, reply, payload) => {
    // A handler that answered with its own validators (a download): restore the public policy only.
    if (reply.statusCode === 304 || (reply.statusCode === 200 && reply.hasHeader("etag"))) {
      reply.header("cache-control", PUBLIC_CACHE_CONTROL);
      if (reply.statusCode === 200) return payload;
      reply.removeHeader("content-type");
      reply.removeHeader("content-length");
      return null;
    }
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    const fresh = applyValidators(request, reply, {
      etag: strongETag(payload),
      lastModified: await lastModified(request),
    });
    if (!fresh) return payload;
    reply.removeHeader("content-type");
    reply.removeHeader("content-length");
    return null;
  };
}
