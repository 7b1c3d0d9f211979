import type { RouterOutputs } from "@kechuang/api";
import { EmptyState, ErrorState, type Locale, PageHeader, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, List, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { publicNamespace } from "./messages";
import { NoticeFacts } from "./NoticeFacts";
import { ObjectionModal } from "./ObjectionModal";
import { PastNotices } from "./PastNotices";
import { portalPath } from "./paths";
import { chinaToday, daysLeft } from "./publicity";
import { tagTone } from "./readableTag";

type Notice = RouterOutputs["publicity"]["listOpen"][number];

const tabs = ["open", "past"] as const;
type Tab = (typeof tabs)[number];

/** Notices open now (days left, objections) and past ones with their outcome; the tab is in the URL. */
export function PublicityPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "past" ? "past" : "open";
  const policies = useQuery(trpc.policies.list.queryOptions());
  const policyTitle = (policyId: string) =>
    policies.data?.find((policy) => policy.id === policyId)?.title ?? policyId;
  const select = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === "past") next.set("tab", "past");
    else next.delete("tab");
    next.delete("page");
    setParams(next);
  };

  return (
    <div>
      <PageHeader title={t("publicity.title")} subtitle={t("publicity.subtitle")} />
      <Tabs
        activeKey={tab}
        onChange={select}
        items={[
          {
            key: "open",
            label: <span data-testid="tab-open-notices">{t("pastNotices.openTab")}</span>,
            children: <OpenNotices basePath={basePath} locale={locale} policyTitle={policyTitle} />,
          },
          {
            key: "past",
            label: <span data-testid="tab-past-notices">{t("pastNotices.pastTab")}</span>,
            children: <PastNotices basePath={basePath} locale={locale} policyTitle={policyTitle} />,
          },
        ]}
      />
    </div>
  );
}

interface NoticesProps {
  basePath: string;
  locale: Locale;
  policyTitle(policyId: string): string;
}

/** Notices open now, with their closing date and days left; anyone may object to one. */
function OpenNotices({ basePath, locale, policyTitle }: NoticesProps) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const notices = useQuery(trpc.publicity.listOpen.queryOptions());
  const [objectingTo, setObjectingTo] = useState<Notice | null>(null);
  const today = chinaToday(new Date());

  return (
    <div data-testid="open-notice-list">
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
                    <Tag
                      style={tagTone(left <= 1 ? "red" : left <= 3 ? "orange" : "blue")}
                      data-testid="days-left"
                    >
                      {left <= 1 ? t("publicity.lastDay") : t("publicity.daysLeft", { count: left })}
                    </Tag>
                  }
                >
                  <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                    <NoticeFacts
                      notice={notice}
                      basePath={basePath}
                      locale={locale}
                      policyTitle={policyTitle}
                    >
                      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                        {notice.body}
                      </Typography.Paragraph>
                    </NoticeFacts>
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
