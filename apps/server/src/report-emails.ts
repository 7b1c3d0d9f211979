import type { PendingEmail } from "@kechuang/db";

/**
 * Email copies of the annual-report notifications (issue 10), in both languages; null for any other kind.
 * The detail carries the year covered, the due date, the reminder moment or the return reason.
 */
/** 2026-01-31 → 2026年1月31日, the way Chinese readers write a date. */
const zhDate = (iso: string | undefined): string => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? "");
};

export function renderReportEmail(
  email: PendingEmail,
  origin: string,
): { subject: string; text: string } | null {
  const d = (email.detail ?? {}) as {
    yearCovered?: number;
    dueOn?: string;
    moment?: string;
    reason?: string;
  };
  const name = email.platformName ?? "";
  const year = d.yearCovered ?? "";
  const portal = email.role === "applicant" ? "apply" : "review";
  // The applicant portal lists its platforms on one page; the review portal opens the platform itself.
  const link =
    email.role === "applicant" || !email.platformId
      ? `${origin}/${portal}/platforms`
      : `${origin}/${portal}/platforms/${email.platformId}`;
  let zh: string;
  let en: string;
  switch (email.kind) {
    case "report-reminder":
      zh =
        d.moment === "overdue"
          ? `${name}${year}年度报告已超过报送期限（${zhDate(d.dueOn)}），请尽快报送。`
          : d.moment === "on-day"
            ? `${name}${year}年度报告今天（${zhDate(d.dueOn)}）到期，请及时报送。`
            : `${name}${year}年度报告将于${zhDate(d.dueOn)}到期，请及时报送。`;
      en =
        d.moment === "overdue"
          ? `The ${year} annual report of ${name} was due on ${d.dueOn} and is overdue.`
          : `The ${year} annual report of ${name} is due on ${d.dueOn}.`;
      break;
    case "report-action-needed":
      zh = `${name}已报送${year}年度报告，需要您审核。`;
      en = `${name} has filed its ${year} annual report; it needs your review.`;
      break;
    case "report-returned":
      zh = `${name}${year}年度报告被退回修改。原因：${d.reason ?? ""}`;
      en = `The ${year} annual report of ${name} was returned for revision. Reason: ${d.reason ?? ""}`;
      break;
    case "report-accepted":
      zh = `${name}${year}年度报告已通过审核。`;
      en = `The ${year} annual report of ${name} has been accepted.`;
      break;
    default:
      return null;
  }
  return {
    subject: `【科创】年度报告：${name}${year}年度 / Annual report ${year}: ${name}`,
    text: [
      `${email.displayName}，您好：`,
      zh,
      `请登录查看：${link}`,
      "",
      en,
      `Sign in to see it: ${link}`,
      "",
      "此邮件由系统自动发送，请勿回复。 / This message was sent automatically; please do not reply.",
    ].join("\n"),
  };
}
