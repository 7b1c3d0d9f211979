import { type Database, type DemoAccount, schema, seedDemo } from "@kechuang/db";
import { createTestDatabase, testDatabases } from "@kechuang/db/testing";
import { policyModules } from "@kechuang/policies";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, buildZip, placeApplication, signIn, userIdOf } from "./workflow/testing";

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : `THROWN ${String(error)}`);
const b64 = (bytes: Buffer) => bytes.toString("base64");
const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const contentTypes = { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types/>') };

describe.each(testDatabases())("attachments on %s", (kind) => {
  let database: Database;
  let accounts: DemoAccount[];
  let applicant: Api;
  let outsider: Api;
  let authority: Api;
  let applicationId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    accounts = await seedDemo(database.db);
    const account = (name: string) => accounts.find((a) => a.username === name)!;
    applicant = await signIn(database, account("applicant"));
    outsider = await signIn(database, account("applicant2"));
    authority = await signIn(database, account("authority"));
    const [me] = await database.db.select().from(schema.users).where(eq(schema.users.username, "applicant"));
    const app = await placeApplication(
      database,
      policyModules.find((m) => m.id === "hn-tic-2020")!,
      "draft",
      {
        organizationId: me!.organizationId!,
        recommenderArea: "430200",
        expertIds: [await userIdOf(database, "expert")],
        recordedBy: await userIdOf(database, "authority"),
      },
    );
    applicationId = app.id;
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const upload = (fileName: string, bytes: Buffer) =>
    applicant.attachments.upload({ applicationId, fileName, contentBase64: b64(bytes) });

  it("stores a PDF in the database with its hash, under a server-chosen name even for a '../' name", async () => {
    const stored = await upload("../../etc/x.pdf", pdf);
    expect(stored.mime).toBe("application/pdf");
    expect(stored.storedName).toBe(`${stored.id}.pdf`);
    expect(stored.displayName).toBe("x.pdf");
    const back = await applicant.attachments.download({ attachmentId: stored.id });
    expect(Buffer.from(back.contentBase64, "base64").equals(pdf)).toBe(true);
    expect(back.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores and offers a name with the detected type's extension, without bidi or control characters", async () => {
    const stored = await upload("申报材料\u202Efdp\u0007.html", pdf);
    expect(stored.displayName).toBe("申报材料fdp.pdf");
    const [row] = await database.db
      .select({ displayName: schema.attachments.displayName })
      .from(schema.attachments)
      .where(eq(schema.attachments.id, stored.id));
    expect(row!.displayName).toBe("申报材料fdp.pdf");
    expect((await applicant.attachments.download({ attachmentId: stored.id })).displayName).toBe(
      "申报材料fdp.pdf",
    );
    // A row stored before this rule is corrected on the way out, in the list and the download alike.
    await database.db
      .update(schema.attachments)
      .set({ displayName: "旧材料\u202Elmth.html" })
      .where(eq(schema.attachments.id, stored.id));
    const listed = (await applicant.attachments.list({ applicationId })).find((a) => a.id === stored.id);
    expect(listed!.displayName).toBe("旧材料lmth.pdf");
    expect((await applicant.attachments.download({ attachmentId: stored.id })).displayName).toBe(
      "旧材料lmth.pdf",
    );
  });

  it("refuses an executable renamed to .pdf, judging by content not name", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);
    const error = await upload("report.pdf", exe).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("仅接受");
  });

  it("accepts a docx-shaped zip but refuses a plain zip and a zip bomb", async () => {
    const docx = buildZip([
      contentTypes,
      { name: "word/document.xml", data: Buffer.from("<w:document/>"), deflate: true },
    ]);
    expect((await upload("plan.docx", docx)).mime).toContain("wordprocessingml");
    const plainZip = buildZip([{ name: "readme.txt", data: Buffer.from("hello") }]);
    expect(codeOf(await upload("plan.docx", plainZip).catch((e: unknown) => e))).toBe("BAD_REQUEST");
    // 200 MiB of zeros deflates to ~200 KB: well under the upload cap, far over the unzipped budget.
    const bomb = buildZip([
      contentTypes,
      { name: "word/document.xml", data: Buffer.alloc(200 * 1024 * 1024), deflate: true },
    ]);
    const error = await upload("plan.docx", bomb).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("压缩炸弹");
  }, 60_000);

  it("hides an unsent draft's files from the recommender of its area, as if they did not exist", async () => {
    const [me] = await database.db.select().from(schema.users).where(eq(schema.users.username, "applicant"));
    const draft = await placeApplication(
      database,
      policyModules.find((m) => m.id === "hn-tic-2020")!,
      "draft",
      {
        organizationId: me!.organizationId!,
        recommenderArea: "430200",
        expertIds: [await userIdOf(database, "expert")],
        recordedBy: await userIdOf(database, "authority"),
      },
    );
    const stored = await applicant.attachments.upload({
      applicationId: draft.id,
      fileName: "草稿.pdf",
      contentBase64: b64(pdf),
    });
    const recommender = await signIn(database, accounts.find((a) => a.username === "recommender")!);
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => "OK",
        (e: unknown) => ({ code: codeOf(e), message: (e as Error).message }),
      );
    const missingId = "00000000-0000-4000-8000-000000000000";
    expect(await failure(recommender.attachments.download({ attachmentId: stored.id }))).toEqual(
      await failure(recommender.attachments.download({ attachmentId: missingId })),
    );
    expect(await failure(recommender.attachments.list({ applicationId: draft.id }))).toEqual(
      await failure(recommender.attachments.list({ applicationId: missingId })),
    );
    expect(await failure(recommender.attachments.list({ applicationId: draft.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    // Once sent in, the files are the recommender's to read.
    await applicant.applications.submit({ applicationId: draft.id, expectedVersion: draft.version });
    expect((await recommender.attachments.list({ applicationId: draft.id })).map((a) => a.id)).toEqual([
      stored.id,
    ]);
    const seen = await recommender.attachments.download({ attachmentId: stored.id });
    expect(Buffer.from(seen.contentBase64, "base64").equals(pdf)).toBe(true);
  });

  it("lets only those who may see the application list or download its attachments", async () => {
    const stored = await upload("b.pdf", pdf);
    expect(
      codeOf(await outsider.attachments.download({ attachmentId: stored.id }).catch((e: unknown) => e)),
    ).toBe("NOT_FOUND");
    expect(codeOf(await outsider.attachments.list({ applicationId }).catch((e: unknown) => e))).toBe(
      "NOT_FOUND",
    );
    expect((await applicant.attachments.list({ applicationId })).some((a) => a.id === stored.id)).toBe(true);
    // An unsent draft is the applicant's own: the authority sees its files only once it is submitted.
    expect(
      codeOf(await authority.attachments.download({ attachmentId: stored.id }).catch((e: unknown) => e)),
    ).toBe("NOT_FOUND");
    await database.db
      .update(schema.applications)
      .set({ stage: "submitted" })
      .where(eq(schema.applications.id, applicationId));
    const seen = await authority.attachments.download({ attachmentId: stored.id });
    expect(Buffer.from(seen.contentBase64, "base64").equals(pdf)).toBe(true);
  });
});
