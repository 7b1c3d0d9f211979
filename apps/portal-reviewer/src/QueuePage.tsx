import { roleLabels, type SessionUser } from "@kechuang/domain";
import {
  daysBetween,
  EmptyState,
  ErrorState,
  formatDate,
  formatHours,
  type Locale,
  localized,
  NotificationsCard,
  PageHeader,
  StageTag,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Table, type TableProps, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { reviewerNamespace } from "./messages";
import { longestWaitingFirst, overdueAfterDays } from "./queue";
import type { QueueItem } from "./workflow/api";

export function QueuePage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const queue = useQuery(trpc.review.queue.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  // "Now" is fixed at mount so every row is measured against the same instant.
  const [now] = useState(() => new Date());
  const navigate = useNavigate();

  const columns: TableProps<QueueItem>["columns"] = [
    {
      title: t("column.title"),
      key: "title",
      render: (_, row) => (
        <Link to={row.applicationId} data-testid={`queue-open-${row.applicationId}`}>
          {row.title}
        </Link>
      ),
    },
    { title: t("column.organization"), dataIndex: "organizationName", key: "organization" },
    {
      title: t("column.policy"),
      key: "policy",
      render: (_, row) => policies.data?.find((policy) => policy.id === row.policyId)?.title ?? row.policyId,
    },
    {
      title: t("column.stage"),
      key: "stage",
      render: (_, row) => <StageTag stage={row.stage} name={localized(row.stageName, locale)} />,
    },
    {
      title: t("column.waitingSince"),
      key: "waitingSince",
      render: (_, row) => formatDate(new Date(row.waitingSince), locale),
    },
    {
      title: t("column.waited"),
      key: "waited",
      render: (_, row) => {
        const waited = formatHours(row.hoursWaiting, locale);
        return daysBetween(new Date(row.waitingSince), now) > overdueAfterDays ? (
          <Tooltip title={t("overdue", { days: overdueAfterDays })}>
            <Tag color="red">{waited}</Tag>
          </Tooltip>
        ) : (
          waited
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle", { role: localized(roleLabels[user.role], locale) })}
        extra={<Button onClick={() => void queue.refetch()}>{t("refresh")}</Button>}
      />
      <NotificationsCard
        locale={locale}
        onOpen={(applicationId) => navigate(applicationId)}
        onOpenPlatform={(platformId) => navigate(`platforms/${platformId}`)}
        onOpenEvaluation={(evaluationId) => navigate(`evaluations/${evaluationId}`)}
        onRefresh={() => void queue.refetch()}
      />
      {queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<QueueItem>
          rowKey="applicationId"
          onRow={(row) => ({ "data-testid": `queue-row-${row.applicationId}` }) as object}
          columns={columns}
          dataSource={longestWaitingFirst(queue.data ?? [])}
          loading={queue.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: queue.isPending ? (
              " "
            ) : (
              <EmptyState
                title={t("empty.title")}
                description={t("empty.hint")}
                next={{ label: t("refresh"), onClick: () => void queue.refetch() }}
              />
            ),
          }}
        />
      )}
    </div>
  );
}
