import type { RouterOutputs } from "@kechuang/api";
import type { SessionUser } from "@kechuang/domain";
import { formatDate, InlineError, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AttachmentsList } from "../detail/AttachmentsList";
import { reviewerNamespace } from "../messages";

type View = RouterOutputs["annualReports"]["get"];

/**
 * One annual report, read-only, with the caller's decision where it is theirs to take: the recommender's
 * check where the module has one (nm-tic 三(六)1), the authority's acceptance after it; either returns
 * with a reason.
 */
export function ReportReview({
  platformId,
  yearCovered,
  user,
  locale,
  onClose,
}: {
  platformId: string;
  yearCovered: number;
  user: SessionUser;
  locale: Locale;
  onClose: () => void;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const view = useQuery(trpc.annualReports.get.queryOptions({ platformId, yearCovered }));
  if (view.isPending) return <Spin />;
  if (view.isError) return <InlineError error={view.error} />;
  return (
    <Card
      title={t("platforms.review.title", { year: yearCovered })}
      data-testid={`report-review-${yearCovered}`}
      extra={
        <Button size="small" onClick={onClose}>
          {t("platforms.review.close")}
        </Button>
      }
    >
      <ReportBody view={view.data} locale={locale} />
      <Decision view={view.data} user={user} />
    </Card>
  );
}

function ReportBody({ view, locale }: { view: View; locale: Locale }) {
  const { t } = useTranslation(reviewerNamespace);
  const report = view.report;
  if (!report) return <Alert type="warning" showIcon title={t("platforms.review.notFiled")} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space>
        <Tag data-testid="review-report-status" data-status={report.status}>
          {t(`platforms.report.${report.status}`)}
        </Tag>
        {report.submittedAt ? (
          <Typography.Text type="secondary">
            {t("platforms.review.submittedAt", { date: formatDate(new Date(report.submittedAt), locale) })}
          </Typography.Text>
        ) : null}
      </Space>
      {report.status === "returned" && report.returnReason ? (
        <Alert
          type="warning"
          showIcon
          title={t("platforms.review.returnReason", { reason: report.returnReason })}
        />
      ) : null}
      <Descriptions column={1} bordered size="small">
        {view.policy.sections.map((s) => (
          <Descriptions.Item key={s.id} label={localized(s.title, locale)}>
            <Typography.Paragraph
              style={{ whiteSpace: "pre-wrap", margin: 0 }}
              data-testid={`review-section-${s.id}`}
            >
              {report.content.sections[s.id] || t("platforms.review.empty")}
            </Typography.Paragraph>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {view.policy.indicators ? (
        <Table
          size="small"
          title={() => t("platforms.review.indicators")}
          rowKey={(r) => `${r.name}-${r.unit}`}
          pagination={false}
          dataSource={report.content.indicators ?? []}
          columns={[
            { title: t("platforms.review.indicator.name"), dataIndex: "name" },
            { title: t("platforms.review.indicator.unit"), dataIndex: "unit" },
            { title: t("platforms.review.indicator.target"), dataIndex: "target", render: (v) => v ?? "—" },
            { title: t("platforms.review.indicator.actual"), dataIndex: "actual" },
          ]}
        />
      ) : null}
      <Card title={t("platforms.review.attachments")} size="small" data-testid="review-report-attachments">
        <AttachmentsList
          target={{ annualReportId: report.id }}
          locale={locale}
          empty={
            <Typography.Text type="secondary" data-testid="review-report-no-attachments">
              {t("platforms.review.noAttachments")}
            </Typography.Text>
          }
        />
      </Card>
    </Space>
  );
}

function Decision({ view, user }: { view: View; user: SessionUser }) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const report = view.report;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.annualReports.get.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.platformCalendar.get.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.annualReports.queue.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.platformCalendar.mine.queryKey() });
    setReturning(false);
    setReason("");
    void message.success(t("platforms.review.done"));
  };
  const check = useMutation(trpc.annualReports.check.mutationOptions({ onSuccess: refresh }));
  const decide = useMutation(trpc.annualReports.decide.mutationOptions({ onSuccess: refresh }));
  if (!report) return null;
  const checks = view.policy.recommenderChecks;
  const mine =
    (user.role === "recommender" && checks && report.status === "submitted") ||
    (user.role === "authority" && report.status === (checks ? "recommender-checked" : "submitted"));
  if (user.role === "authority" && checks && report.status === "submitted")
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="info"
        showIcon
        title={t("platforms.review.waitingRecommender")}
      />
    );
  if (!mine) return null;
  const key = { platformId: view.platformId, yearCovered: view.yearCovered, expectedVersion: report.version };
  const act = (outcome: "pass" | "returned") => {
    const why = outcome === "returned" ? { reason: reason.trim() } : {};
    if (user.role === "recommender")
      check.mutate({ ...key, outcome: outcome === "pass" ? "checked" : "returned", ...why });
    else decide.mutate({ ...key, outcome: outcome === "pass" ? "accepted" : "returned", ...why });
  };
  const pending = check.isPending || decide.isPending;
  const error = check.error ?? decide.error;
  return (
    <Space direction="vertical" style={{ width: "100%", marginTop: 16 }}>
      {error ? <InlineError error={error} /> : null}
      {returning ? (
        <>
          <Input.TextArea
            data-testid="report-return-reason-input"
            placeholder={t("platforms.review.reasonLabel")}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <Space>
            <Button
              danger
              type="primary"
              disabled={reason.trim().length === 0}
              loading={pending}
              data-testid="report-confirm-return"
              onClick={() => act("returned")}
            >
              {t("platforms.review.confirmReturn")}
            </Button>
            <Button onClick={() => setReturning(false)}>{t("platforms.review.cancel")}</Button>
          </Space>
        </>
      ) : (
        <Space>
          <Button type="primary" loading={pending} data-testid="report-pass" onClick={() => act("pass")}>
            {user.role === "recommender" ? t("platforms.review.check") : t("platforms.review.accept")}
          </Button>
          <Button data-testid="report-return" onClick={() => setReturning(true)}>
            {t("platforms.review.return")}
          </Button>
        </Space>
      )}
    </Space>
  );
}
