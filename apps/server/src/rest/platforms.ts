import { normalizeIP } from "@fastify/rate-limit";
import { auditRefusal } from "@kechuang/api";
import { directoryQuerySchema } from "@kechuang/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import { encodeFilenameStar } from "../files";
import { isNotModified, setValidators, weakETag } from "../http-cache";
import { callerFor, parseQuery, sendError } from "./caller";
import {
  DOWNLOAD_CHUNK,
  DOWNLOAD_MAX_ROWS,
  type DownloadFormat,
  directoryChunks,
  directoryFile,
  downloadFormats,
  downloadMime,
  XLSX_MAX_ROWS,
} from "./downloads";

/** The directory's query; unknown keys are refused rather than ignored. */
export const listQuerySchema = directoryQuerySchema.strict();
/** The same filters for a download, which holds every matching row (no page). */
export const downloadQuerySchema = directoryQuerySchema.omit({ page: true, pageSize: true }).strict();

const chinaDay = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(date);

const tooManyRows = (cap: number, format: DownloadFormat) => ({
  zh: `符合条件的平台超过 ${cap} 个，无法生成${format === "xlsx" ? " Excel " : ""}文件；请缩小筛选范围${format === "xlsx" ? "，或下载 CSV、JSON" : ""}`,
  en: `More than ${cap} platforms match: narrow the filters${format === "xlsx" ? " or download CSV or JSON" : ""}`,
});

export interface PlatformRouteOptions {
  /** The public JSON cache hook (http-cache.ts). */
  onSend: onSendHookHandler;
  /** The Last-Modified of the public data. */
  lastModified: (request: FastifyRequest) => Promise<Date>;
  /** RATE_PUBLIC_DOWNLOAD: generous, so a person clicking through filters never meets it; a script hammering the files does. */
  downloadsPerMinute: number;
}

export function registerPlatformRoutes(app: FastifyInstance, options: PlatformRouteOptions): void {
  const database = app.database;
  const { onSend, lastModified } = options;

  app.get("/api/v1/platforms", { onSend }, async (request, reply) => {
    const query = parseQuery(listQuerySchema, request, reply);
    if (!query) return reply;
    try {
      return await callerFor(database, request).platforms.directory(query);
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  app.get<{ Params: { id: string } }>("/api/v1/platforms/:id", { onSend }, async (request, reply) => {
    try {
      return await callerFor(database, request).platforms.get({ platformId: request.params.id });
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  const throttle = downloadThrottle(app, options.downloadsPerMinute);
  for (const format of downloadFormats)
    app.get(`/api/v1/platforms.${format}`, { onRequest: throttle, onSend }, async (request, reply) => {
      const query = parseQuery(downloadQuerySchema, request, reply);
      if (!query) return reply;
      // The body is written while it streams, so the validator names what decides it: format, filters, and
      // the data's version (Last-Modified); checked before any row is read.
      const changedAt = await lastModified(request);
      const validators = {
        etag: weakETag("platforms", format, JSON.stringify(query), changedAt.toISOString()),
        lastModified: changedAt,
      };
      if (isNotModified(request.headers, validators))
        return setValidators(reply, validators).code(304).send();
      try {
        const caller = callerFor(database, request);
        const fetchPage = (page: number) =>
          caller.platforms.directory({ ...query, page, pageSize: DOWNLOAD_CHUNK });
        const first = await fetchPage(1);
        const cap = format === "xlsx" ? XLSX_MAX_ROWS : DOWNLOAD_MAX_ROWS;
        if (first.total > cap)
          return reply.code(422).send({ error: tooManyRows(cap, format), requestId: request.id });
        const body = await directoryFile(format, directoryChunks(first, fetchPage));
        const day = chinaDay(new Date());
        return setValidators(reply, validators)
          .header("content-type", downloadMime[format])
          .header(
            "content-disposition",
            `attachment; filename="platforms-${day}.${format}"; filename*=UTF-8''${encodeFilenameStar(`科创平台名录-${day}.${format}`)}`,
          )
          .header("x-content-type-options", "nosniff")
          .send(body);
      } catch (error) {
        return sendError(reply, request, error);
      }
    });
}

/**
 * The downloads' own per-address budget (the authority's exports keep theirs, throttles.ts), counted in the
 * same store as the other throttles (Redis when configured). Refused: 429 with Retry-After, audited.
 */
export function downloadThrottle(app: FastifyInstance, perMinute: number) {
  const limiter = app.createRateLimit({
    max: perMinute,
    keyGenerator: (request) => `public-download:${normalizeIP(request.ip)}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    let limit: Awaited<ReturnType<typeof limiter>>;
    try {
      limit = await limiter(request);
    } catch (error) {
      request.log.error({ err: error }, "rate-limit store failed");
      return reply.code(503).send({
        error: { zh: "服务暂时不可用，请稍后再试", en: "Service temporarily unavailable; try again later" },
        requestId: request.id,
      });
    }
    if (limit.isAllowed || !limit.isExceeded) return;
    await auditRefusal(app.database, "rate-limit", {
      actorId: null,
      actorRole: "anonymous",
      action: "http:rate-limit",
      objectType: "route",
      objectId: request.url.split("?")[0] ?? null,
      sourceIp: request.ip,
      detail: { requestId: request.id, budget: "public-download/address" },
    });
    return reply
      .code(429)
      .header("retry-after", limit.ttlInSeconds)
      .send({
        error: {
          zh: "下载过于频繁，请稍后再试",
          en: `Too many downloads; retry in ${limit.ttlInSeconds} s`,
        },
        requestId: request.id,
      });
  };
}
