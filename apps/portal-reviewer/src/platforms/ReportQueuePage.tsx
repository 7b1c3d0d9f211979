import type { RouterOutputs } from "@kechuang/api";
import type { SessionUser } from "@kechuang/domain";
import { EmptyState, ErrorState, formatDate, type Locale, PageHeader, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Table, type TableProps, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButtons } from "../exports/ExportButtons";
import { reviewerNamespace } from "../messages";

type Item = RouterOutputs["annualReports"]["queue"][number];

/** 待审核年度报告: reports waiting for the caller, and overdue reports in scope (oldest due date first). */
export function ReportQueuePage({
  basePath,
  locale,
  user,
}: {
  basePath: string;
  locale: Locale;
  user: SessionUser;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const queue = useQuery(trpc.annualReports.queue.queryOptions());
  const columns: TableProps<Item>["columns"] = [
    {
      title: t("platforms.column.name"),
      key: "name",
      render: (_, row) => (
        <Link
          to={`${basePath}/platforms/${row.platformId}?year=${row.yearCovered}`}
          data-testid={`report-queue-open-${row.platformId}-${row.yearCovered}`}
        >
          {row.platformName}
        </Link>
      ),
    },
    { title: t("platforms.column.year"), key: "year", render: (_, row) => row.yearCovered },
    {
      title: t("platforms.column.dueOn"),
      key: "dueOn",
      render: (_, row) => (row.dueOn ? formatDate(row.dueOn, locale) : t("platforms.calendar.noDate")),
    },
    {
      title: t("platforms.column.reason"),
      key: "reason",
      render: (_, row) => (
        <Tag color={row.reason === "overdue" ? "red" : "blue"}>
          {t(`platforms.queue.reason.${row.reason}`)}
        </Tag>
      ),
    },
    {
      title: t("platforms.column.report"),
      key: "report",
      render: (_, row) => (
        <>
          {row.reportStatus ? t(`platforms.report.${row.reportStatus}`) : t("platforms.calendar.notFiled")}
          {row.late && row.reason !== "overdue" ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t("platforms.calendar.late")}
            </Tag>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t("platforms.queue.title")}
        subtitle={t("platforms.queue.subtitle")}
        // The queue has no filters on screen: the export is the authority's whole jurisdiction.
        extra={user.role === "authority" ? <ExportButtons list="annual-reports" /> : null}
      />
      {queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<Item>
          rowKey={(row) => `${row.platformId}-${row.yearCovered}`}
          columns={columns}
          dataSource={queue.data ?? []}
          loading={queue.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="report-queue"
          locale={{
            emptyText: queue.isPending ? (
              " "
            ) : (
              <EmptyState
                title={t("platforms.queue.empty")}
                description={t("platforms.queue.emptyHint")}
                next={{ label: t("platforms.queue.refresh"), onClick: () => void queue.refetch() }}
              />
            ),
          }}
        />
      )}
    </div>
  );
}
