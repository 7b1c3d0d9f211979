import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import {
  etagMatches,
  httpDate,
  isNotModified,
  PUBLIC_CACHE_CONTROL,
  publicCacheHook,
  strongETag,
  weakETag,
} from "./http-cache";

describe("validators", () => {
  it("hashes the body into a strong ETag, and names a download's inputs in a weak one", () => {
    expect(strongETag("a")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongETag("a")).toBe(strongETag(Buffer.from("a")));
    expect(strongETag("a")).not.toBe(strongETag("b"));
    expect(weakETag("csv", "{}")).toMatch(/^W\/"/);
    // Parts are separated: ("ab", "c") is not ("a", "bc").
    expect(weakETag("ab", "c")).not.toBe(weakETag("a", "bc"));
  });

  it("compares If-None-Match weakly, over a list, with *", () => {
    const tag = strongETag("body");
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches(`"x", ${tag}`, tag)).toBe(true);
    expect(etagMatches("*", tag)).toBe(true);
    expect(etagMatches('"x"', tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
  });

  it("lets If-None-Match decide, and If-Modified-Since count only without it, at whole seconds", () => {
    const lastModified = new Date("2026-12-02T10:00:00.700Z");
    const validators = { etag: '"v1"', lastModified };
    expect(httpDate(lastModified)).toBe("Wed, 02 Dec 2026 10:00:00 GMT");
    expect(isNotModified({ "if-modified-since": httpDate(lastModified) }, validators)).toBe(true);
    expect(isNotModified({ "if-modified-since": "Wed, 02 Dec 2026 09:59:59 GMT" }, validators)).toBe(false);
    expect(isNotModified({ "if-modified-since": "yesterday" }, validators)).toBe(false);
    expect(
      isNotModified({ "if-none-match": '"v0"', "if-modified-since": httpDate(lastModified) }, validators),
    ).toBe(false);
    expect(isNotModified({ "if-none-match": '"v1"' }, validators)).toBe(true);
    expect(isNotModified({}, validators)).toBe(false);
  });
});

describe("publicCacheHook", () => {
  const lastModified = new Date("2026-12-01T08:00:00Z");
  const build = () => {
    const app = Fastify();
    const onSend = publicCacheHook(async () => lastModified);
    app.get("/data", { onSend }, async () => ({ hello: "world" }));
    app.get("/missing", { onSend }, async (_request, reply) => reply.code(404).send({ error: "no" }));
    app.get("/file", { onSend }, async (_request, reply) =>
      reply.header("etag", 'W/"file"').header("cache-control", "no-store").send("a,b\r\n"),
    );
    return app;
  };

  it("sets a strong ETag of the body, Last-Modified and public no-cache; 304 without a body", async () => {
    const app = build();
    const first = await app.inject("/data");
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe(strongETag(first.body));
    expect(first.headers["last-modified"]).toBe(httpDate(lastModified));
    expect(first.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    const again = await app.inject({
      url: "/data",
      headers: { "if-none-match": String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers["content-length"]).toBeUndefined();
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it("leaves errors alone, and keeps a handler's own validator", async () => {
    const app = build();
    const missing = await app.inject("/missing");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    expect(missing.headers["cache-control"]).toBeUndefined();
    const file = await app.inject("/file");
    expect(file.headers.etag).toBe('W/"file"');
    expect(file.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    expect(file.body).toBe("a,b\r\n");
  });
});
