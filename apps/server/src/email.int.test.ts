import type { AddressInfo } from "node:net";
import type { Database, DemoAccount } from "@kechuang/db";
import { testDatabases } from "@kechuang/db/testing";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, ORIGIN, startTestApp, TrpcClient } from "./testing";

/** A real SMTP server on loopback that keeps what it receives. */
class Inbox {
  readonly messages: { to: string[]; subject: string; text: string }[] = [];
  private server = this.create();
  port = 0;

  private create() {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, done) => {
        simpleParser(stream).then((mail) => {
          this.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          done();
        }, done);
      },
    });
  }

  async listen(port = 0) {
    await new Promise<void>((ready) => this.server.listen(port, "127.0.0.1", ready));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async close() {
    await new Promise<void>((closed) => this.server.close(closed));
    this.server = this.create();
  }
}

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe.each(testDatabases())("notification email on %s", (kind) => {
  const inbox = new Inbox();
  let app: FastifyInstance;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    await inbox.listen();
    ({ app, accounts } = await startTestApp(kind, {
      publicOrigin: ORIGIN,
      // A long poll: the test sends each round itself with flush().
      smtp: {
        url: `smtp://127.0.0.1:${inbox.port}`,
        from: "科创 <no-reply@kechuang.invalid>",
        pollMs: 3_600_000,
      },
    }));
  });
  afterAll(async () => {
    await app?.close();
    await inbox.close();
  });

  it("emails the authority once the recommender endorses, once only, with a link to the application", async () => {
    const recommender = account(accounts, "recommender");
    const client = new TrpcClient(app);
    expect((await client.signIn(recommender.username, recommender.password)).statusCode).toBe(200);
    const [target] = await rows<{ id: string; version: number; title: string }>(
      app.database,
      sql`select id, version, title from applications
          where stage = 'submitted' and recommender_area = '430200' and policy_id = 'hn-tic-2020' limit 1`,
    );
    const moved = await client.call("mutation", "applications.transition", {
      applicationId: target!.id,
      action: "recommend",
      expectedVersion: target!.version,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(moved.statusCode, moved.body).toBe(200);

    expect(await app.emailOutbox!.flush()).toBe(1);
    expect(inbox.messages).toHaveLength(1);
    const [mail] = inbox.messages;
    expect(mail!.to).toEqual(["authority@demo.kechuang.invalid"]);
    expect(mail!.subject).toContain(`待您处理：${target!.title}（已推荐）`);
    expect(mail!.subject).toContain("Action needed");
    expect(mail!.text).toContain(`${ORIGIN}/review/${target!.id}`);
    expect(mail!.text).toContain('has entered "Recommended"');

    // Marked as sent in the database: the next round sends nothing again.
    expect(await app.emailOutbox!.flush()).toBe(0);
    expect(inbox.messages).toHaveLength(1);
    const [row] = await rows<{ emailed: boolean }>(
      app.database,
      sql`select emailed_at is not null as emailed from notifications where application_id = ${target!.id}`,
    );
    expect(row!.emailed).toBe(true);
  });

  it("keeps a notification pending while the mail server is down and sends it when it is back", async () => {
    const authority = (
      await rows<{ id: string }>(app.database, sql`select id from users where username = 'authority'`)
    )[0]!;
    const [application] = await rows<{ id: string }>(
      app.database,
      sql`select id from applications where stage = 'recommended' limit 1`,
    );
    await app.database.db.execute(
      sql`insert into notifications (user_id, application_id, kind, stage)
          values (${authority.id}, ${application!.id}, 'action-needed', 'recommended')`,
    );
    const port = inbox.port;
    await inbox.close();
    await expect(app.emailOutbox!.flush()).rejects.toThrow();
    const pending = async () =>
      (
        await rows<{ n: number }>(
          app.database,
          sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id
              where n.emailed_at is null and u.email is not null`,
        )
      )[0]!.n;
    expect(await pending()).toBe(1);

    await inbox.listen(port);
    expect(await app.emailOutbox!.flush()).toBe(1);
    expect(await pending()).toBe(0);
    expect(inbox.messages.at(-1)!.to).toEqual(["authority@demo.kechuang.invalid"]);
  });
});
