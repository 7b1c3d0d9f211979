import { type ExportColumn, messages, toCsv, toXlsx } from "@kechuang/api";
import { policyIdSchema, type TargetRow } from "@kechuang/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import { encodeFilenameStar } from "../files";
import { isNotModified, setValidators, weakETag } from "../http-cache";
import { callerFor, sendError } from "./caller";
import { downloadMime } from "./downloads";
import { downloadThrottle } from "./platforms";

/**
 * Open data of a module's platform targets (issue 11, Anshun's 附件): the same report as the dashboard and the
 * public page (targets.report), as JSON and, row by row, as CSV and Excel with Chinese headers.
 */

export const targetFormats = ["csv", "xlsx"] as const;

export const targetColumns: ExportColumn<TargetRow>[] = [
  { header: { zh: "平台类型", en: "Type" }, value: (r) => r.typeName.zh, width: 32 },
  { header: { zh: "类型编号", en: "Type id" }, value: (r) => r.type, width: 36 },
  { header: { zh: "年份", en: "Year" }, value: (r) => r.year, width: 8 },
  { header: { zh: "目标（累计）", en: "Target (cumulative)" }, value: (r) => r.target, width: 12 },
  { header: { zh: "实际（累计）", en: "Actual (cumulative)" }, value: (r) => r.actual, width: 12 },
  {
    header: { zh: "其中国家级目标", en: "National target" },
    value: (r) => r.targetSplit?.national ?? null,
  },
  {
    header: { zh: "其中省级目标", en: "Provincial target" },
    value: (r) => r.targetSplit?.provincial ?? null,
  },
  { header: { zh: "文件所列年均增速(%)", en: "Stated growth (%)" }, value: (r) => r.statedGrowthPct },
  { header: { zh: "按目标计算年均增速(%)", en: "Computed growth (%)" }, value: (r) => r.computedGrowthPct },
  { header: { zh: "责任单位", en: "Responsible" }, value: (r) => r.responsible.join("、"), width: 28 },
  { header: { zh: "是否滞后", en: "Behind" }, value: (r) => (r.behind ? "是" : "否") },
];

const chinaDay = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(date);

/** Ids that cannot be policy ids are simply unknown: the 404 of a well-formed unknown id. */
function knownShape(id: string, reply: FastifyReply, request: FastifyRequest): boolean {
  if (policyIdSchema.safeParse(id).success) return true;
  reply.code(404).send({ error: messages.unknownPolicy(id), requestId: request.id });
  return false;
}

export function registerTargetRoutes(
  app: FastifyInstance,
  options: {
    onSend: onSendHookHandler;
    lastModified: (request: FastifyRequest) => Promise<Date>;
    downloadsPerMinute: number;
  },
): void {
  const database = app.database;
  type Params = { Params: { policyId: string } };

  app.get<Params>("/api/v1/targets/:policyId", { onSend: options.onSend }, async (request, reply) => {
    if (!knownShape(request.params.policyId, reply, request)) return reply;
    try {
      return await callerFor(database, request).targets.report({ policyId: request.params.policyId });
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  const throttle = downloadThrottle(app, options.downloadsPerMinute);
  for (const format of targetFormats)
    app.get<Params>(
      `/api/v1/targets/:policyId.${format}`,
      { onRequest: throttle, onSend: options.onSend },
      async (request, reply) => {
        const { policyId } = request.params;
        if (!knownShape(policyId, reply, request)) return reply;
        // The rows depend on the recorded data and on today (whether a year has begun): both name the file.
        const changedAt = await options.lastModified(request);
        const today = chinaDay(new Date());
        const validators = {
          etag: weakETag("targets", policyId, format, changedAt.toISOString(), today),
          lastModified: changedAt,
        };
        if (isNotModified(request.headers, validators))
          return setValidators(reply, validators).code(304).send();
        try {
          const report = await callerFor(database, request).targets.report({ policyId });
          const body =
            format === "csv"
              ? toCsv(targetColumns, report.rows, "zh")
              : await toXlsx("平台建设目标", targetColumns, report.rows, "zh");
          return setValidators(reply, validators)
            .header("content-type", downloadMime[format])
            .header(
              "content-disposition",
              `attachment; filename="targets-${policyId}-${today}.${format}"; filename*=UTF-8''${encodeFilenameStar(`平台建设目标-${policyId}-${today}.${format}`)}`,
            )
            .header("x-content-type-options", "nosniff")
            .send(body);
        } catch (error) {
          return sendError(reply, request, error);
        }
      },
    );
}
