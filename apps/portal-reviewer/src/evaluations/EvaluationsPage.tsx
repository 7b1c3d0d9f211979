import type { SessionUser } from "@kechuang/domain";
import {
  citationHref,
  EmptyState,
  ErrorState,
  formatDate,
  InlineError,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  App as AntApp,
  Button,
  Card,
  Flex,
  Input,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButtons } from "../exports/ExportButtons";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";
import { chinaToday } from "../workflow/dates";
import { byDueState, type CalendarRow, type DueState, dueState, type EvaluationListRow } from "./consequence";
import { SourceConflictsNotice } from "./SourceConflictsNotice";

const stateColor: Record<DueState, string> = {
  due: "orange",
  open: "blue",
  upcoming: "default",
  done: "green",
  delisted: "red",
};

/** Evaluations for the authority (the due calendar and its rounds) and for experts (their seats). */
export function EvaluationsPage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const list = useQuery(trpc.evaluations.list.queryOptions());
  const isAuthority = user.role === "authority";
  return (
    <div data-testid="evaluations-page">
      <PageHeader
        title={t("evaluations.title")}
        subtitle={t("evaluations.subtitle")}
        extra={
          // Exports are the authority's (its jurisdiction's records); there is no rectifications page of
          // its own, so that list is exported from here too.
          isAuthority ? (
            <Flex gap="small" align="center" data-testid="rectification-exports">
              <Typography.Text type="secondary">{t("exports.list.rectifications")}</Typography.Text>
              <ExportButtons list="rectifications" />
            </Flex>
          ) : null
        }
      />
      {isAuthority ? <DueCard locale={locale} onOpened={() => void list.refetch()} /> : null}
      <Card
        title={t("evaluations.list.title")}
        style={{ marginTop: 16 }}
        extra={isAuthority ? <ExportButtons list="evaluation-results" /> : null}
      >
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <EvaluationsTable
            rows={list.data ?? []}
            loading={list.isPending}
            locale={locale}
            isAuthority={isAuthority}
            onRefresh={() => void list.refetch()}
          />
        )}
      </Card>
    </div>
  );
}

function DueCard({ locale, onOpened }: { locale: Locale; onOpened: () => void }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const calendar = useQuery(trpc.evaluations.calendar.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  const [selected, setSelected] = useState<string[]>([]);
  const [title, setTitle] = useState(() =>
    t("evaluations.due.roundTitleDefault", { year: chinaToday(new Date()).slice(0, 4) }),
  );
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const open = useMutation(
    trpc.evaluations.openRound.mutationOptions({
      onSuccess: (result) => {
        void message.success(t("evaluations.due.opened", { count: result.evaluationIds.length }));
        setSelected([]);
        setIdempotencyKey(newIdempotencyKey());
        void calendar.refetch();
        onOpened();
      },
    }),
  );
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const rows = byDueState(calendar.data ?? []);
  // One notice per contradiction, however many platforms' due dates depend on it.
  const conflicts = [
    ...new Map(rows.flatMap((r) => r.sourceConflicts).map((c) => [c.id, c] as const)).values(),
  ];

  const columns: TableProps<CalendarRow>["columns"] = [
    { title: t("evaluations.due.platform"), dataIndex: "name", key: "name" },
    {
      title: t("evaluations.due.policy"),
      key: "policy",
      render: (_, row) => policies.data?.find((p) => p.id === row.policyId)?.title ?? row.policyId,
    },
    {
      title: t("evaluations.due.approvedOn"),
      key: "approvedOn",
      render: (_, row) => formatDate(row.approvedOn, locale),
    },
    {
      title: t("evaluations.due.dueOn"),
      key: "dueOn",
      render: (_, row) => {
        const on = row.dueOn ?? row.nextOn;
        if (!on) return "—";
        const date = row.citation ? (
          <Tooltip title={`${row.citation.clause}：${row.citation.quote}`}>
            <a href={citationHref(row.citation)}>{formatDate(on, locale)}</a>
          </Tooltip>
        ) : (
          formatDate(on, locale)
        );
        // The date follows one of two readings of a self-contradicting source: flag it (notice above).
        return row.sourceConflicts.length > 0 ? (
          <>
            {date}{" "}
            <Tag color="warning" data-testid={`due-conflict-${row.platformId}`}>
              {t("evaluations.sourceConflicts.flag")}
            </Tag>
          </>
        ) : (
          date
        );
      },
    },
    {
      title: t("evaluations.due.state"),
      key: "state",
      render: (_, row) => {
        const state = dueState(row);
        const label =
          state === "due"
            ? t("evaluations.due.stateDue")
            : state === "open"
              ? t("evaluations.due.stateOpen")
              : state === "upcoming"
                ? t("evaluations.due.stateUpcoming", { date: formatDate(row.nextOn!, locale) })
                : state === "done"
                  ? t("evaluations.due.stateDone")
                  : t("evaluations.due.stateDelisted");
        return (
          <Tag color={stateColor[state]} data-testid={`due-state-${row.platformId}`} data-state={state}>
            {label}
          </Tag>
        );
      },
    },
  ];

  return (
    <Card title={t("evaluations.due.title")} data-testid="due-card" data-ready={!calendar.isPending}>
      <p style={{ marginTop: 0 }}>{t("evaluations.due.hint")}</p>
      {conflicts.length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          <SourceConflictsNotice conflicts={conflicts} locale={locale} />
        </div>
      ) : null}
      <Table<CalendarRow>
        rowKey="platformId"
        size="small"
        onRow={(row) => ({ "data-testid": `due-row-${row.platformId}` }) as object}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (row) =>
            ({ disabled: !row.due, "data-testid": `due-select-${row.platformId}` }) as object,
        }}
        columns={columns}
        dataSource={rows}
        loading={calendar.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: calendar.isPending ? (
            " "
          ) : (
            <EmptyState
              title={t("evaluations.due.empty")}
              description={t("evaluations.due.emptyHint")}
              next={{ label: t("refresh"), onClick: () => void calendar.refetch() }}
            />
          ),
        }}
      />
      <Flex gap={8} style={{ marginTop: 12 }} wrap>
        <Input
          style={{ maxWidth: 320 }}
          value={title}
          aria-label={t("evaluations.due.roundTitle")}
          placeholder={t("evaluations.due.roundTitle")}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="round-title"
        />
        <Tooltip title={selected.length === 0 ? t("evaluations.due.selectHint") : undefined}>
          <Button
            type="primary"
            disabled={selected.length === 0 || title.trim() === ""}
            loading={open.isPending}
            data-testid="open-round"
            onClick={() => open.mutate({ platformIds: selected, title: title.trim(), idempotencyKey })}
          >
            {t("evaluations.due.openRound", { count: selected.length })}
          </Button>
        </Tooltip>
      </Flex>
      {open.isError ? (
        <div style={{ marginTop: 12 }}>
          <InlineError error={open.error} />
        </div>
      ) : null}
    </Card>
  );
}

function EvaluationsTable({
  rows,
  loading,
  locale,
  isAuthority,
  onRefresh,
}: {
  rows: EvaluationListRow[];
  loading: boolean;
  locale: Locale;
  isAuthority: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const columns: TableProps<EvaluationListRow>["columns"] = [
    {
      title: t("evaluations.list.platform"),
      key: "platform",
      render: (_, row) => (
        <Link to={`/review/evaluations/${row.id}`} data-testid={`evaluation-open-${row.id}`}>
          {row.platformName}
        </Link>
      ),
    },
    { title: t("evaluations.list.round"), key: "round", render: (_, row) => row.roundTitle ?? "—" },
    { title: t("evaluations.list.kind"), key: "kind", render: (_, row) => t(`evaluations.kind.${row.kind}`) },
    {
      title: t("evaluations.list.status"),
      key: "status",
      render: (_, row) => (
        <Tag color={row.status === "graded" ? "green" : "blue"}>{t(`evaluations.status.${row.status}`)}</Tag>
      ),
    },
    {
      title: t("evaluations.list.grade"),
      key: "grade",
      render: (_, row) => (row.gradeName ? localized(row.gradeName, locale) : "—"),
    },
    {
      title: t("evaluations.list.conductedOn"),
      key: "conductedOn",
      render: (_, row) => (row.conductedOn ? formatDate(row.conductedOn, locale) : "—"),
    },
  ];
  return (
    <Table<EvaluationListRow>
      rowKey="id"
      size="small"
      onRow={(row) => ({ "data-testid": `evaluation-row-${row.id}`, "data-status": row.status }) as object}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{
        emptyText: loading ? (
          " "
        ) : (
          <EmptyState
            title={t("evaluations.list.empty")}
            description={
              isAuthority ? t("evaluations.list.emptyHintAuthority") : t("evaluations.list.emptyHintExpert")
            }
            next={{ label: t("refresh"), onClick: onRefresh }}
          />
        ),
      }}
    />
  );
}
