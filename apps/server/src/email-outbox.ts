import { type Database, type PendingEmail, sendPendingEmails } from "@kechuang/db";
import { registry } from "@kechuang/policies";
import type { FastifyBaseLogger } from "fastify";
import { createTransport } from "nodemailer";
import { renderReportEmail } from "./report-emails";

/**
 * Email copies of in-app notifications, sent only when SMTP_URL is set. The notification row is written
 * in the transition's own transaction; this outbox sends it afterwards, so a mail server that is slow or
 * down never holds up or rolls back a decision, and a sent row is marked so it never goes out twice.
 * Nodemailer does the SMTP work: a well-kept library, not ours to write.
 */
export interface EmailOutbox {
  /** Sends what is pending now; the number sent. Tests call it directly instead of waiting for a tick. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

export interface OutboxOptions {
  database: Database;
  smtp: { url: string; from: string; pollMs: number };
  /** Links in the messages start here (PUBLIC_ORIGIN, or the local address). */
  origin: string;
  log: FastifyBaseLogger;
  now?: () => Date;
}

export function startEmailOutbox({ database, smtp, origin, log, now = () => new Date() }: OutboxOptions) {
  const transport = createTransport(smtp.url);
  let running: Promise<number> | undefined;

  const send = async (email: PendingEmail) => {
    const message = renderEmail(email, origin);
    await transport.sendMail({ from: smtp.from, to: email.to, ...message });
  };
  const flush = (): Promise<number> => {
    // One round at a time in this process; other instances are kept apart by SKIP LOCKED.
    running ??= sendPendingEmails(database.db, send, now).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    flush().then(
      (sent) => {
        if (sent > 0) log.info({ sent }, "notification emails sent");
      },
      (error: unknown) => log.warn({ err: error }, "notification email not sent; retrying next round"),
    );
  }, smtp.pollMs);
  timer.unref();

  return {
    flush,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
      transport.close();
    },
  } satisfies EmailOutbox;
}

/** Subject and body in both languages: the portal link, the application and the stage it entered. */
export function renderEmail(email: PendingEmail, origin: string): { subject: string; text: string } {
  const report = renderReportEmail(email, origin);
  if (report) return report;
  const module = email.policyId ? registry.get(email.policyId) : undefined;
  const stage = module?.workflow.stages.find((s) => s.id === email.stage)?.name ?? {
    zh: email.stage ?? "",
    en: email.stage ?? "",
  };
  const title = email.applicationTitle ?? "";
  const portal = email.role === "applicant" ? "apply" : "review";
  const link = email.applicationId ? `${origin}/${portal}/${email.applicationId}` : `${origin}/${portal}`;
  const decided = email.kind === "decided";
  const subject = decided
    ? `【科创】申报已有结果：${title}（${stage.zh}） / Decision: ${title}`
    : `【科创】待您处理：${title}（${stage.zh}） / Action needed: ${title}`;
  const text = [
    `${email.displayName}，您好：`,
    decided
      ? `申报“${title}”已办结，结果：${stage.zh}。`
      : `申报“${title}”已进入“${stage.zh}”阶段，需要您处理。`,
    `请登录查看：${link}`,
    "",
    decided
      ? `The application "${title}" has been decided: ${stage.en}.`
      : `The application "${title}" has entered "${stage.en}" and needs your action.`,
    `Sign in to see it: ${link}`,
    "",
    "此邮件由系统自动发送，请勿回复。 / This message was sent automatically; please do not reply.",
  ].join("\n");
  return { subject, text };
}
