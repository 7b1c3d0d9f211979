import type { GovernanceState } from "@kechuang/domain";
import {
  formatDate,
  GovernanceView,
  governanceMessages,
  InlineError,
  type Locale,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, DatePicker, Space, Table, type TableProps, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";

type HistoryRow = {
  id: string;
  body: string;
  bodyKind: string | null;
  position: string;
  name: string;
  organization: string | null;
  since: string;
  until: string | null;
};

const isEmpty = (s: GovernanceState) =>
  !s.leadUnit && s.coBuildUnits.length === 0 && s.board.length === 0 && !s.committee && !s.director;

/**
 * A platform's governance bodies as records (issue 11): today's, those on a day the reviewer picks
 * ("who sat on the committee on 1 March 2025"), and every membership with its dates.
 */
export function GovernanceCard({ platformId, locale }: { platformId: string; locale: Locale }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const words = governanceMessages[locale];
  const [day, setDay] = useState<string | null>(null);
  const current = useQuery(trpc.governance.current.queryOptions({ platformId }));
  const onDay = useQuery({
    ...trpc.governance.on.queryOptions({ platformId, day: day ?? "" }),
    enabled: day !== null,
  });
  const history = useQuery(trpc.governance.history.queryOptions({ platformId }));
  if (current.isError) return <InlineError error={current.error} />;

  const bodyLabel = (r: HistoryRow): string => {
    switch (r.body) {
      case "lead-unit":
        return words.leadUnit;
      case "co-build-unit":
        return words.coBuildUnits;
      case "board":
        return words.board;
      case "director":
        return words.director;
      case "committee": {
        const kind = r.bodyKind as keyof typeof words.committeeKind | null;
        const name = kind && kind in words.committeeKind ? words.committeeKind[kind] : words.committee;
        return r.position === "chair" ? `${name} · ${words.chair}` : name;
      }
      default:
        return r.body;
    }
  };
  const columns: TableProps<HistoryRow>["columns"] = [
    { title: t("governance.column.body"), key: "body", render: (_, r) => bodyLabel(r) },
    { title: t("governance.column.name"), dataIndex: "name", key: "name" },
    {
      title: t("governance.column.organization"),
      key: "organization",
      render: (_, r) => r.organization ?? "—",
    },
    { title: t("governance.column.since"), key: "since", render: (_, r) => formatDate(r.since, locale) },
    {
      title: t("governance.column.until"),
      key: "until",
      render: (_, r) => (r.until ? formatDate(r.until, locale) : "—"),
    },
    {
      title: t("governance.column.status"),
      key: "status",
      render: (_, r) =>
        r.until ? (
          <Tag data-testid="membership-left">{t("governance.status.left")}</Tag>
        ) : (
          <Tag color="green" data-testid="membership-current">
            {t("governance.status.current")}
          </Tag>
        ),
    },
  ];

  const shown = day !== null ? onDay.data : current.data;
  return (
    <Card
      title={t("governance.title")}
      size="small"
      loading={current.isPending}
      data-testid="governance-card"
      extra={
        <Space>
          <Typography.Text>{t("governance.asOf")}</Typography.Text>
          <DatePicker
            aria-label={t("governance.asOf")}
            title={t("governance.asOfHint")}
            data-testid="governance-day"
            // The picker's string is YYYY-MM-DD, the day the API asks for; clearing it goes back to today.
            onChange={(_, value) => setDay(typeof value === "string" && value !== "" ? value : null)}
          />
          {day !== null ? <Button onClick={() => setDay(null)}>{t("governance.clear")}</Button> : null}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {onDay.isError && day !== null ? <InlineError error={onDay.error} /> : null}
        {shown ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="governance-as-of">
              {day !== null
                ? t("governance.onDay", { date: formatDate(shown.asOf, locale) })
                : t("governance.current", { date: formatDate(shown.asOf, locale) })}
            </Typography.Title>
            {isEmpty(shown.state) ? (
              <Typography.Paragraph type="secondary" data-testid="governance-empty">
                {t("governance.empty")}
              </Typography.Paragraph>
            ) : (
              <GovernanceView state={shown.state} locale={locale} />
            )}
          </>
        ) : null}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("governance.history")}
        </Typography.Title>
        {history.isError ? <InlineError error={history.error} /> : null}
        <Table<HistoryRow>
          size="small"
          rowKey="id"
          loading={history.isPending}
          columns={columns}
          dataSource={history.data?.rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("governance.historyEmpty") }}
          data-testid="governance-history"
        />
      </Space>
    </Card>
  );
}
