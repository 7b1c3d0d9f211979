import { Transform } from "node:stream";
import { sessionCookie, validateSessionToken } from "@kechuang/api";
import type { Database } from "@kechuang/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ServerConfig } from "./env";
import { trpcCall } from "./throttles";

/**
 * Bodies are capped at 1 MiB, except attachment uploads: a 10 MiB file arrives base64-encoded inside a
 * tRPC JSON body (~13.4 MiB). Fastify's own bodyLimit is set to the upload cap; this hook holds every other
 * request to the small cap while the body streams in, so a chunked body without Content-Length is caught too.
 */
export const DEFAULT_BODY_LIMIT = 1_048_576;
export const UPLOAD_BODY_LIMIT = 15 * 1_048_576;

/** Only a call of the upload procedure alone may use the larger limit; the URL is read as tRPC reads it. */
const isUploadRequest = (request: FastifyRequest): boolean => {
  const procedures = request.method === "POST" ? trpcCall(request.url)?.procedures : undefined;
  return procedures?.length === 1 && procedures[0] === "attachments.upload";
};

const tooLarge = () =>
  Object.assign(new Error("Request body is too large"), {
    statusCode: 413,
    code: "FST_ERR_CTP_BODY_TOO_LARGE",
  });

export function registerBodyLimits(app: FastifyInstance, config: ServerConfig, database: Database): void {
  const cookie = sessionCookie(config.cookieSecure);
  // The large limit is for a signed-in user's upload: without a live session the body is held to the small
  // limit before it is read (F13). The procedure checks the session (and role) again.
  const signedIn = async (request: FastifyRequest): Promise<boolean> => {
    const token = request.cookies?.[cookie.name];
    return token ? (await validateSessionToken(database, token, new Date())) !== null : false;
  };
  app.addHook("preParsing", async (request, _reply, payload) => {
    if (isUploadRequest(request) && (await signedIn(request))) return payload;
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
