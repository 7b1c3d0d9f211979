import {
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  NotificationsCard,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Space, Spin, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { applicantNamespace } from "../messages";
import { RectificationCard } from "../rectification/RectificationCard";
import { PlatformCalendar } from "./PlatformCalendar";

/** 我的平台: the organization's designated platforms, each with its obligations calendar. */
export function MyPlatformsPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const platforms = useQuery(trpc.platformCalendar.mine.queryOptions());
  return (
    <div>
      <PageHeader title={t("platforms.title")} subtitle={t("platforms.subtitle")} />
      <NotificationsCard
        locale={locale}
        onOpen={(applicationId) => navigate(`${basePath}/${applicationId}`)}
        onOpenPlatform={() => navigate(`${basePath}/platforms`)}
        onRefresh={() => void platforms.refetch()}
      />
      {platforms.isError ? (
        <ErrorState error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : platforms.isPending ? (
        <Spin size="large" />
      ) : platforms.data.length === 0 ? (
        <EmptyState
          title={t("platforms.empty.title")}
          description={t("platforms.empty.hint")}
          next={{ label: t("platforms.empty.next"), onClick: () => navigate(basePath) }}
        />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          {platforms.data.map((p) => (
            <Card
              key={p.id}
              title={p.name}
              data-testid={`platform-${p.id}`}
              extra={
                <Space>
                  {p.revokedOn ? (
                    <Tag color="red">{t("platforms.revoked", { date: formatDate(p.revokedOn, locale) })}</Tag>
                  ) : null}
                  {p.overdue > 0 ? (
                    <Tag color="red">
                      {t("platforms.status.overdue")} {p.overdue}
                    </Tag>
                  ) : null}
                  <span>{t("platforms.approvedOn", { date: formatDate(p.approvedOn, locale) })}</span>
                  <Button
                    size="small"
                    data-testid={`open-platform-${p.id}`}
                    onClick={() => navigate(`${basePath}/platforms/${p.id}`)}
                  >
                    {t("changes.open")}
                  </Button>
                </Space>
              }
            >
              {/* An open rectification is what the platform must act on first: above its calendar. */}
              <RectificationCard platformId={p.id} hideWhenNone />
              <PlatformCalendar platformId={p.id} basePath={basePath} locale={locale} />
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}
