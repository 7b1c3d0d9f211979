import type { RouterOutputs } from "@kechuang/api";
import { EmptyState, ErrorState, formatDate, type Locale, PageHeader, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { publicNamespace } from "./messages";
import { ObjectionModal } from "./ObjectionModal";
import { policyPath, portalPath } from "./paths";
import { chinaToday, daysLeft } from "./publicity";

type Notice = RouterOutputs["publicity"]["listOpen"][number];

/** Notices open now, with their closing date and days left; anyone may object to one. */
export function PublicityPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const notices = useQuery(trpc.publicity.listOpen.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  const policyTitle = (policyId: string) =>
    policies.data?.find((policy) => policy.id === policyId)?.title ?? policyId;
  const [objectingTo, setObjectingTo] = useState<Notice | null>(null);
  const today = chinaToday(new Date());

  return (
    <div>
      <PageHeader title={t("publicity.title")} subtitle={t("publicity.subtitle")} />
      {notices.isError ? (
        <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
      ) : (
        <List<Notice>
          loading={notices.isPending}
          dataSource={notices.data ?? []}
          locale={{
            emptyText: notices.isPending ? (
              " "
            ) : (
              <EmptyState
                title={t("publicity.emptyTitle")}
                description={t("publicity.emptyHint")}
                next={{
                  label: t("publicity.backToPlatforms"),
                  onClick: () => navigate(portalPath(basePath)),
                }}
              />
            ),
          }}
          renderItem={(notice) => {
            const left = daysLeft(notice.closesOn, today);
            return (
              <List.Item
                key={notice.noticeId}
                style={{ display: "block", border: "none", padding: "0 0 16px" }}
              >
                <Card
                  size="small"
                  data-testid={`notice-${notice.noticeId}`}
                  title={notice.title}
                  extra={
                    <Tag color={left <= 1 ? "red" : left <= 3 ? "orange" : "blue"} data-testid="days-left">
                      {left <= 1 ? t("publicity.lastDay") : t("publicity.daysLeft", { count: left })}
                    </Tag>
                  }
                >
                  <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                    <Typography.Text strong>{notice.applicationTitle}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t("publicity.leadUnit", { name: notice.leadUnitName })}
                    </Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                      {notice.body}
                    </Typography.Paragraph>
                    <Space wrap size="middle">
                      <span>
                        {t("publicity.period", {
                          from: formatDate(notice.opensOn, locale),
                          to: formatDate(notice.closesOn, locale),
                        })}
                      </span>
                      <span>
                        {t("publicity.policy")}
                        <Link to={policyPath(basePath, notice.policyId)}>{policyTitle(notice.policyId)}</Link>
                      </span>
                    </Space>
                    <div>
                      <Button onClick={() => setObjectingTo(notice)} data-testid="object-button">
                        {t("publicity.object")}
                      </Button>
                    </div>
                  </Space>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
      {objectingTo ? (
        <ObjectionModal notice={objectingTo} locale={locale} onClose={() => setObjectingTo(null)} />
      ) : null}
    </div>
  );
}
