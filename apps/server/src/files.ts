import { createCaller, stripUnsafeNameCharacters } from "@kechuang/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "./env";
import { sendError } from "./rest";
import { requestContext } from "./trpc-plugin";

/**
 * Files served as downloads. Each route calls its tRPC procedure through createCaller with the request's
 * session (requestContext), so the session, the permission matrix row, the record scope and the audit row
 * are exactly the procedure's; the route only turns the answer into a file response.
 */

/** RFC 5987 / 6266 `filename*` value: percent-encoded UTF-8, with the characters RFC 5987 reserves too. */
export function encodeFilenameStar(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** ASCII fallback for old clients: only safe characters survive. */
const asciiFallback = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "_") || "download";

export function sendFile(
  reply: FastifyReply,
  file: { content: Buffer | string; mime: string; fileName: string; fallbackName?: string },
) {
  // Defence in depth: whatever a procedure answers, no bidi or control character reaches the header.
  const fileName = stripUnsafeNameCharacters(file.fileName) || "download";
  return reply
    .header("content-type", file.mime)
    .header(
      "content-disposition",
      `attachment; filename="${asciiFallback(file.fallbackName ?? fileName)}"; filename*=UTF-8''${encodeFilenameStar(fileName)}`,
    )
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store")
    .send(file.content);
}

/** The after-approval export files: GET /api/v1/exports/<list>.<csv|xlsx>, one procedure each. */
export const afterApprovalExports = [
  { list: "annual-reports", procedure: "annualReports" },
  { list: "evaluation-results", procedure: "evaluationResults" },
  { list: "rectifications", procedure: "rectifications" },
] as const;

/** The filters a file URL may carry; empty values mean "no filter" (a cleared select on screen). */
export function exportFilters(query: unknown): Record<string, string> {
  const known = ["policyId", "yearCovered", "year", "status", "locale"];
  const filters: Record<string, string> = {};
  if (typeof query !== "object" || query === null) return filters;
  for (const [key, value] of Object.entries(query))
    if (known.includes(key) && typeof value === "string" && value !== "") filters[key] = value;
  return filters;
}

export async function registerFileRoutes(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const callerFor = (request: FastifyRequest, reply: FastifyReply) =>
    createCaller(requestContext(config, app.database, request, reply));

  app.get<{ Params: { id: string } }>("/api/v1/attachments/:id/download", async (request, reply) => {
    try {
      const file = await callerFor(request, reply).attachments.download({ attachmentId: request.params.id });
      return sendFile(reply, {
        content: Buffer.from(file.contentBase64, "base64"),
        mime: file.mime,
        fileName: file.displayName,
        fallbackName: file.fileName,
      });
    } catch (error) {
      return sendError(reply, request, error);
    }
  });

  // The after-approval lists (issue 10): the query string carries the screen's filters; the procedure's zod
  // input validates them (a bad one is a 400) and its scope decides what is in the file.
  for (const { list, procedure } of afterApprovalExports)
    for (const format of ["csv", "xlsx"] as const)
      app.get<{ Querystring: Record<string, string> }>(
        `/api/v1/exports/${list}.${format}`,
        async (request, reply) => {
          try {
            const file = await callerFor(request, reply).exports[procedure]({
              ...exportFilters(request.query),
              format,
              // Strings from the URL: the procedure's zod input coerces and validates them (else a 400).
            } as never);
            return sendFile(reply, {
              content: file.encoding === "base64" ? Buffer.from(file.content, "base64") : file.content,
              mime: file.mime,
              fileName: file.fileName,
            });
          } catch (error) {
            return sendError(reply, request, error);
          }
        },
      );

  app.get("/api/v1/exports/applications.csv", async (request, reply) => {
    try {
      const file = await callerFor(request, reply).exports.applications();
      return sendFile(reply, { content: file.content, mime: file.mime, fileName: file.fileName });
    } catch (error) {
      return sendError(reply, request, error);
    }
  });
}
