import type { RouterOutputs } from "@kechuang/api";
import {
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  ObligationStatusTag,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Table, type TableProps, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { reviewerNamespace } from "../messages";

type Row = RouterOutputs["platformCalendar"]["mine"][number];

/** The platforms in the caller's scope, with status and their next or overdue annual reports. */
export function PlatformsPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const platforms = useQuery(trpc.platformCalendar.mine.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  const columns: TableProps<Row>["columns"] = [
    {
      title: t("platforms.column.name"),
      key: "name",
      render: (_, row) => (
        <Link to={`${basePath}/platforms/${row.id}`} data-testid={`open-platform-${row.id}`}>
          {row.name}
        </Link>
      ),
    },
    {
      title: t("platforms.column.policy"),
      key: "policy",
      render: (_, row) => policies.data?.find((p) => p.id === row.policyId)?.title ?? row.policyId,
    },
    {
      title: t("platforms.column.approvedOn"),
      key: "approvedOn",
      render: (_, row) => formatDate(row.approvedOn, locale),
    },
    {
      title: t("platforms.column.status"),
      key: "status",
      render: (_, row) => (
        <Tag color={row.status === "delisted" ? "red" : row.status === "rectifying" ? "orange" : "green"}>
          {t(`platforms.platformStatus.${row.status}`, { defaultValue: row.status })}
        </Tag>
      ),
    },
    {
      title: t("platforms.column.nextDue"),
      key: "nextDue",
      render: (_, row) =>
        row.nextDue ? (
          <>
            {t("platforms.calendar.annualReport", { year: row.nextDue.yearCovered })} ·{" "}
            {row.nextDue.dueOn ? formatDate(row.nextDue.dueOn, locale) : t("platforms.calendar.noDate")}{" "}
            <ObligationStatusTag status={row.nextDue.status} late={false} />
          </>
        ) : (
          t("platforms.none")
        ),
    },
    {
      title: t("platforms.column.overdue"),
      key: "overdue",
      render: (_, row) =>
        row.overdue > 0 ? (
          <Typography.Text type="danger" strong data-testid={`overdue-${row.id}`}>
            {row.overdue}
          </Typography.Text>
        ) : (
          0
        ),
    },
  ];
  return (
    <div>
      <PageHeader title={t("platforms.title")} subtitle={t("platforms.subtitle")} />
      {platforms.isError ? (
        <ErrorState error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={platforms.data ?? []}
          loading={platforms.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: platforms.isPending ? (
              " "
            ) : (
              <EmptyState
                title={t("platforms.empty.title")}
                description={t("platforms.empty.hint")}
                next={{ label: t("platforms.empty.next"), onClick: () => navigate(basePath || "/") }}
              />
            ),
          }}
        />
      )}
    </div>
  );
}
