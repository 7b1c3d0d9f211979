import type { RouterOutputs } from "@kechuang/api";
import { EmptyState, ErrorState, type Locale, useTRPC } from "@kechuang/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { publicNamespace } from "./messages";
import { NoticeFacts } from "./NoticeFacts";
import { platformPath, portalPath } from "./paths";
import { outcomeTone, pageFromParam, pastPageSize } from "./publicity";
import { tagTone } from "./readableTag";

type PastNotice = RouterOutputs["publicity"]["listPast"]["items"][number];

/** Notices whose period has closed, newest first, with the decision and the objection counts. */
export function PastNotices({
  basePath,
  locale,
  policyTitle,
}: {
  basePath: string;
  locale: Locale;
  policyTitle(policyId: string): string;
}) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = pageFromParam(params.get("page"));
  const notices = useQuery({
    ...trpc.publicity.listPast.queryOptions({ page, pageSize: pastPageSize }),
    placeholderData: keepPreviousData,
  });
  const goTo = (next: number) => {
    const search = new URLSearchParams(params);
    search.set("tab", "past");
    if (next > 1) search.set("page", String(next));
    else search.delete("page");
    setParams(search);
  };

  if (notices.isError) return <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />;
  return (
    <List<PastNotice>
      data-testid="past-notice-list"
      loading={notices.isPending}
      dataSource={notices.data?.items ?? []}
      pagination={
        (notices.data?.total ?? 0) > pastPageSize
          ? {
              current: page,
              pageSize: pastPageSize,
              total: notices.data?.total ?? 0,
              onChange: goTo,
              showSizeChanger: false,
            }
          : false
      }
      locale={{
        emptyText: notices.isPending ? (
          " "
        ) : (
          <EmptyState
            title={t("pastNotices.emptyTitle")}
            description={t("pastNotices.emptyHint")}
            next={{ label: t("publicity.backToPlatforms"), onClick: () => navigate(portalPath(basePath)) }}
          />
        ),
      }}
      renderItem={(notice) => (
        <List.Item key={notice.noticeId} style={{ display: "block", border: "none", padding: "0 0 16px" }}>
          <Card
            size="small"
            data-testid={`past-notice-${notice.noticeId}`}
            data-outcome={notice.outcome}
            title={<span style={{ whiteSpace: "normal" }}>{notice.title}</span>}
            extra={
              <Tag style={tagTone(outcomeTone[notice.outcome])} data-testid="notice-outcome">
                {t(`pastNotices.outcome.${notice.outcome}`)}
              </Tag>
            }
          >
            <Space orientation="vertical" size={4} style={{ width: "100%" }}>
              <NoticeFacts notice={notice} basePath={basePath} locale={locale} policyTitle={policyTitle} />
              <span data-testid="notice-objections">
                {notice.objections.received === 0
                  ? t("pastNotices.noObjections")
                  : t("pastNotices.objections", notice.objections)}
              </span>
              {notice.platformId ? (
                <Link to={platformPath(basePath, notice.platformId)} data-testid="notice-platform-link">
                  {t("pastNotices.viewPlatform")}
                </Link>
              ) : null}
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
