import { Transform } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * Bodies are capped at 1 MiB, except attachment uploads: a 10 MiB file arrives base64-encoded inside a
 * tRPC JSON body (~13.4 MiB). Fastify's own bodyLimit is set to the upload cap; this hook holds every other
 * request to the small cap while the body streams in, so a chunked body without Content-Length is caught too.
 */
export const DEFAULT_BODY_LIMIT = 1_048_576;
export const UPLOAD_BODY_LIMIT = 15 * 1_048_576;

/** Only an unbatched call of the upload procedure may use the larger limit. */
const isUploadRequest = (request: FastifyRequest): boolean =>
  request.method === "POST" && (request.url.split("?")[0] ?? "") === "/trpc/attachments.upload";

const tooLarge = () =>
  Object.assign(new Error("Request body is too large"), {
    statusCode: 413,
    code: "FST_ERR_CTP_BODY_TOO_LARGE",
  });

export function registerBodyLimits(app: FastifyInstance): void {
  app.addHook("preParsing", async (request, _reply, payload) => {
    if (isUploadRequest(request)) return payload;
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > DEFAULT_BODY_LIMIT) throw tooLarge();
    let seen = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        done(seen > DEFAULT_BODY_LIMIT ? tooLarge() : null, chunk);
      },
    });
    payload.on("error", (error) => counted.destroy(error));
    return payload.pipe(counted);
  });
}
