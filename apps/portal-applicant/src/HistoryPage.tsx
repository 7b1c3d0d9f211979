import {
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  localized,
  PageHeader,
  StageTag,
} from "@kechuang/ui";
import { Button, Card, Space, Spin, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applicantNamespace } from "./messages";
import type { HistoryRow } from "./workflow/api";
import { stageText } from "./workflow/stageText";
import { useApplication } from "./workflow/useApplication";

/**
 * The current stage and every step before it, with reasons. Who acted is shown by role only, as the
 * server returns it: applicants never learn which expert or official took a step.
 */
export function HistoryPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation([applicantNamespace, "common"]);
  const navigate = useNavigate();
  const application = useApplication(id);
  const back = () => navigate(`${basePath}/${id}`);
  if (application.isPending) return <Spin size="large" />;
  if (application.isError)
    return <ErrorState error={application.error} onRetry={() => void application.refetch()} />;
  const app = application.data;
  const stageName = (stage: string | null) => stageText(t, (key) => i18n.exists(key), stage);
  const actor = (entry: HistoryRow) =>
    i18n.exists(`${applicantNamespace}:role.${entry.actorRole}`)
      ? t(`role.${entry.actorRole}`)
      : entry.actorRole;

  return (
    <div>
      <PageHeader
        title={t("history.title")}
        subtitle={app.title}
        extra={<Button onClick={back}>{t("history.back")}</Button>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t("history.current")}</Typography.Text>
          <StageTag stage={app.stage} />
          <Typography.Text data-testid="current-stage">{localized(app.stageName, locale)}</Typography.Text>
        </Space>
      </Card>
      {app.history.length === 0 ? (
        <EmptyState
          title={t("history.empty")}
          description={t("history.emptyHint")}
          next={{ label: t("history.back"), onClick: back }}
        />
      ) : (
        <Timeline
          data-testid="history"
          items={[...app.history].reverse().map((entry, index) => ({
            key: `${String(entry.at)}-${index}`,
            color: entry.reason ? "orange" : "blue",
            children: (
              <div data-testid="history-entry">
                <Typography.Text strong>
                  {entry.from === null
                    ? t("history.created", { to: stageName(entry.to) })
                    : t("history.step", { from: stageName(entry.from), to: stageName(entry.to) })}
                </Typography.Text>{" "}
                <Typography.Text type="secondary">{formatDate(new Date(entry.at), locale)}</Typography.Text>
                <div>{t("history.by", { actor: actor(entry) })}</div>
                {entry.reason ? <div>{t("history.reason", { reason: entry.reason })}</div> : null}
                {entry.ruleId ? (
                  <Typography.Text type="secondary">
                    {t("history.rule", { rule: entry.ruleId })}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
