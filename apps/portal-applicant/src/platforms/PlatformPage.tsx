import type { RouterOutputs } from "@kechuang/api";
import {
  ErrorState,
  formatDate,
  GovernanceView,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applicantNamespace } from "../messages";
import { ChangeForm } from "./ChangeForm";
import { ExperiencesPanel } from "./ExperiencesPanel";

type Request = RouterOutputs["changes"]["list"]["requests"][number];

const statusColor: Record<Request["status"], string> = {
  filed: "blue",
  pending: "orange",
  approved: "green",
  rejected: "red",
};

/** One platform of the organization: its governance today, its change requests and the form to file one. */
export function PlatformPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { platformId = "" } = useParams();
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const view = useQuery(trpc.changes.list.queryOptions({ platformId }));
  const kinds = useQuery(trpc.changes.kinds.queryOptions({ platformId }));
  if (view.isPending || kinds.isPending) return <Spin tip={t("changes.loading")} size="large" />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  if (kinds.isError) return <ErrorState error={kinds.error} onRetry={() => void kinds.refetch()} />;
  const { platform, current, requests } = view.data;
  const a = current.attributes;
  const none = t("changes.attributes.none");
  const columns = [
    {
      title: t("changes.list.kind"),
      key: "kind",
      render: (_: unknown, r: Request) => localized(r.kindName, locale),
    },
    {
      title: t("changes.list.mode"),
      key: "mode",
      render: (_: unknown, r: Request) => (
        <Space size={4}>
          <span>{t(`changes.mode.${r.mode}`)}</span>
          {r.citation ? <Typography.Text type="secondary">{r.citation.clause}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t("changes.list.status"),
      key: "status",
      render: (_: unknown, r: Request) => (
        <Tag color={statusColor[r.status]} data-testid={`change-status-${r.id}`}>
          {t(`changes.status.${r.status}`)}
        </Tag>
      ),
    },
    {
      title: t("changes.list.submittedAt"),
      key: "submittedAt",
      render: (_: unknown, r: Request) => formatDate(r.submittedAt, locale),
    },
    {
      title: t("changes.list.effectiveOn"),
      key: "effectiveOn",
      render: (_: unknown, r: Request) => (r.effectiveOn ? formatDate(r.effectiveOn, locale) : "—"),
    },
    {
      title: t("changes.list.change"),
      key: "change",
      render: (_: unknown, r: Request) => (
        <Space direction="vertical" size={0}>
          <span>{r.description}</span>
          {r.summary.after ? (
            <Typography.Text type="secondary">
              {r.summary.before ? `${localized(r.summary.before, locale)} → ` : ""}
              {localized(r.summary.after, locale)}
            </Typography.Text>
          ) : null}
          {r.reason ? (
            <Typography.Text type="danger">{t("changes.list.reason", { reason: r.reason })}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <div>
      <PageHeader
        title={platform.name}
        extra={<Button onClick={() => navigate(`${basePath}/platforms`)}>{t("changes.back")}</Button>}
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card title={t("changes.attributes.title")} size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("changes.attributes.name")}>{a.name}</Descriptions.Item>
            <Descriptions.Item label={t("changes.attributes.location")}>
              {a.location ?? none}
            </Descriptions.Item>
            <Descriptions.Item label={t("changes.attributes.fields")}>
              {a.fields.length > 0 ? a.fields.join("、") : none}
            </Descriptions.Item>
            <Descriptions.Item label={t("changes.attributes.formationMode")}>
              {a.formationMode ? t(`changes.formationMode.${a.formationMode}`) : none}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t("changes.governance")} size="small" data-testid="platform-governance">
          <GovernanceView state={current.governance} locale={locale} />
        </Card>
        <Card title={t("changes.title")} size="small" data-testid="platform-changes">
          {kinds.data.kinds.length === 0 ? (
            <Alert
              type="info"
              showIcon
              data-testid="no-change-procedure"
              title={t("changes.noProcedure")}
              description={t("changes.noProcedureHint")}
            />
          ) : (
            <Space direction="vertical" size="middle" style={{ width: "100%" }}>
              {requests.length === 0 ? (
                <Empty
                  description={
                    <>
                      <div>{t("changes.list.empty")}</div>
                      <Typography.Text type="secondary">{t("changes.list.emptyHint")}</Typography.Text>
                    </>
                  }
                />
              ) : (
                <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={requests} />
              )}
              {platform.status === "delisted" ? null : (
                <ChangeForm
                  platformId={platform.id}
                  kinds={kinds.data.kinds}
                  current={current}
                  locale={locale}
                />
              )}
            </Space>
          )}
        </Card>
        <ExperiencesPanel platformId={platform.id} />
      </Space>
    </div>
  );
}
