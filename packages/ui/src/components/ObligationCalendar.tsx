import type { RouterOutputs } from "@kechuang/api";
import type { ObligationStatus } from "@kechuang/domain";
import { Table, type TableColumnType, type TableProps, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../format";
import type { Locale } from "../portal";

/** One row of a platform's obligations calendar, as the API returns it. */
export type ObligationEntry = RouterOutputs["platformCalendar"]["get"]["entries"][number];

/** Overdue in red, due soon in orange: what needs doing stands out in the calendar. */
const statusColor: Record<ObligationStatus, string> = {
  exempt: "default",
  upcoming: "default",
  due: "orange",
  overdue: "red",
  "in-review": "blue",
  accepted: "green",
};

export function ObligationStatusTag({ status, late }: { status: ObligationStatus; late: boolean }) {
  const { t } = useTranslation("common");
  return (
    <>
      <Tag color={statusColor[status]} data-testid={`obligation-status-${status}`}>
        {t(`calendar.status.${status}`)}
      </Tag>
      {late && status !== "overdue" ? <Tag color="red">{t("calendar.late")}</Tag> : null}
    </>
  );
}

/**
 * A platform's obligations (what is due, when, whether overdue) with one portal-specific last column:
 * the applicant writes or continues a report, the reviewer opens it.
 */
export function ObligationCalendar({
  entries,
  locale,
  action,
  emptyText,
  ...table
}: {
  entries: readonly ObligationEntry[];
  locale: Locale;
  /** The portal's own last column (its buttons carry the data-testids the browser tests click). */
  action: TableColumnType<ObligationEntry>;
  emptyText?: ReactNode;
} & Omit<TableProps<ObligationEntry>, "columns" | "dataSource" | "locale">) {
  const { t } = useTranslation("common");
  const columns: TableProps<ObligationEntry>["columns"] = [
    {
      title: t("calendar.column.kind"),
      key: "kind",
      render: (_, e) =>
        e.kind === "annual-report"
          ? t("calendar.annualReport", { year: e.yearCovered })
          : t("calendar.evaluation", { date: e.dueOn ? formatDate(e.dueOn, locale) : "—" }),
    },
    {
      title: t("calendar.column.dueOn"),
      key: "dueOn",
      render: (_, e) =>
        e.kind !== "annual-report" ? (
          "—"
        ) : (
          <Typography.Text type={e.status === "overdue" ? "danger" : undefined}>
            {e.dueOn ? formatDate(e.dueOn, locale) : t("calendar.noDate")}
          </Typography.Text>
        ),
    },
    {
      title: t("calendar.column.status"),
      key: "status",
      render: (_, e) =>
        e.status ? (
          <>
            <ObligationStatusTag status={e.status} late={e.late} />
            {e.report && e.report.status !== "accepted" ? (
              <Tag>{t(`calendar.report.${e.report.status}`)}</Tag>
            ) : null}
          </>
        ) : (
          "—"
        ),
    },
    action,
  ];
  return (
    <Table<ObligationEntry>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={entries}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      locale={{ emptyText }}
      {...table}
    />
  );
}
