import type { DemoAccount } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, startTestApp, TrpcClient } from "./testing";

/** A PDF of `size` bytes: the signature, then filler. */
const pdfOf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(size - 9, 0x20)]);

describe.each(testDatabases())("attachment uploads over HTTP on %s", (kind) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  let applicant: TrpcClient;
  let draftId: string;

  beforeAll(async () => {
    ({ app, accounts } = await startTestApp(kind));
    applicant = new TrpcClient(app);
    const a = account(accounts, "applicant");
    expect((await applicant.signIn(a.username, a.password)).statusCode).toBe(200);
    const mine = await applicant.data<{ id: string; stage: string }[]>("query", "applications.listMine");
    draftId = mine.find((x) => x.stage === "draft")!.id;
  });
  afterAll(async () => {
    await app.close();
  });

  it("accepts a 9 MiB attachment (base64 in JSON) and refuses one over 10 MiB", async () => {
    const upload = (bytes: Buffer) =>
      applicant.call("mutation", "attachments.upload", {
        applicationId: draftId,
        fileName: "plan.pdf",
        contentBase64: bytes.toString("base64"),
      });
    const ok = await upload(pdfOf(9 * 1_048_576));
    expect(ok.statusCode).toBe(200);
    const tooBig = await upload(pdfOf(10 * 1_048_576 + 1));
    expect(tooBig.statusCode).toBe(400);
  }, 60_000);

  it("holds an upload without a live session to 1 MiB before reading its body (F13)", async () => {
    const body = JSON.stringify({
      json: {
        applicationId: draftId,
        fileName: "plan.pdf",
        contentBase64: pdfOf(2 * 1_048_576).toString("base64"),
      },
    });
    const post = (cookie?: string, url = "/trpc/attachments.upload") =>
      app.inject({
        method: "POST",
        url,
        headers: {
          host: "localhost:3000",
          origin: "http://localhost:3000",
          "content-type": "application/json",
          ...(cookie ? { cookie } : {}),
        },
        payload: body,
      });
    expect((await post()).statusCode).toBe(413);
    expect((await post("__Host-kc_session=forged-or-expired-token-0000000000000000000")).statusCode).toBe(
      413,
    );
    // The same body with the applicant's session is read and handled (a valid 2 MiB PDF is stored).
    expect((await post(applicant.cookie)).statusCode).toBe(200);
    // The URL is read as tRPC reads it: an encoded path names the same procedure, so it gets the same limit.
    expect((await post(applicant.cookie, "/trpc/attachments%2Eupload")).statusCode).toBe(200);
  });

  it("holds every other procedure to a 1 MiB body", async () => {
    const response = await applicant.call("mutation", "applications.saveDraft", {
      applicationId: draftId,
      expectedVersion: 1,
      title: "x".repeat(2 * 1_048_576),
    });
    expect(response.statusCode).toBe(413);
  });
});
