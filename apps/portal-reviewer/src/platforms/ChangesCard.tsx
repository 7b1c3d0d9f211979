import type { RouterOutputs } from "@kechuang/api";
import { formatDate, InlineError, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnType,
  Tag,
  Typography,
} from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";

export type ChangeRow = RouterOutputs["changes"]["list"]["requests"][number];

const newKey = () => crypto.randomUUID();
const statusColor: Record<ChangeRow["status"], string> = {
  filed: "blue",
  pending: "orange",
  approved: "green",
  rejected: "red",
};

/** The columns a change list shows (the platform's card and the authority's queue). */
export function changeColumns<R extends ChangeRow>(t: TFunction, locale: Locale): TableColumnType<R>[] {
  return [
    {
      title: t("changes.column.kind"),
      key: "kind",
      render: (_, r) => localized(r.kindName, locale),
    },
    {
      title: t("changes.column.mode"),
      key: "mode",
      render: (_, r) => (
        <Space size={4}>
          <span>{t(`changes.mode.${r.mode}`)}</span>
          {r.citation ? (
            <Typography.Text type="secondary">
              {r.citation.source} {r.citation.clause}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("changes.column.status"),
      key: "status",
      render: (_, r) => (
        <Tag color={statusColor[r.status]} data-testid={`change-status-${r.id}`}>
          {t(`changes.status.${r.status}`)}
        </Tag>
      ),
    },
    {
      title: t("changes.column.submittedAt"),
      key: "submittedAt",
      render: (_, r) => formatDate(r.submittedAt, locale),
    },
    {
      title: t("changes.column.effectiveOn"),
      key: "effectiveOn",
      render: (_, r) => (r.effectiveOn ? formatDate(r.effectiveOn, locale) : "—"),
    },
    {
      title: t("changes.column.change"),
      key: "change",
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.description}</span>
          {r.summary.after ? (
            <Typography.Text type="secondary" data-testid={`change-summary-${r.id}`}>
              {r.summary.before ? `${localized(r.summary.before, locale)} → ` : ""}
              {localized(r.summary.after, locale)}
            </Typography.Text>
          ) : null}
          {r.reason ? (
            <Typography.Text type="danger">{t("changes.reason", { reason: r.reason })}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];
}

/** Approve (effective today) or reject with a reason: the authority's decision on one pending change. */
function Decide({ row, onDone }: { row: ChangeRow; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const decide = useMutation(
    trpc.changes.decide.mutationOptions({
      onSuccess: async (result) => {
        void message.success(t(result.status === "approved" ? "changes.approved" : "changes.rejected"));
        setIdempotencyKey(newKey());
        setRejecting(false);
        await onDone();
      },
    }),
  );
  return (
    <Space direction="vertical" size="small">
      {decide.isError ? <InlineError error={decide.error} /> : null}
      {rejecting ? (
        <Space direction="vertical" size="small">
          <Input.TextArea
            aria-label={t("changes.rejectReason")}
            placeholder={t("changes.rejectReason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 2 }}
            maxLength={2000}
            data-testid={`change-reject-reason-${row.id}`}
          />
          <Space>
            <Button
              danger
              disabled={reason.trim() === ""}
              loading={decide.isPending}
              onClick={() =>
                decide.mutate({
                  changeRequestId: row.id,
                  outcome: "rejected",
                  reason: reason.trim(),
                  idempotencyKey,
                })
              }
              data-testid={`change-reject-submit-${row.id}`}
            >
              {t("changes.rejectSubmit")}
            </Button>
            <Button onClick={() => setRejecting(false)}>{t("changes.cancel")}</Button>
            {reason.trim() === "" ? (
              <Typography.Text type="secondary">{t("changes.rejectReasonRequired")}</Typography.Text>
            ) : null}
          </Space>
        </Space>
      ) : (
        <Space>
          <Popconfirm
            title={t("changes.approveConfirm")}
            okText={t("changes.confirmOk")}
            cancelText={t("changes.confirmCancel")}
            onConfirm={() => decide.mutate({ changeRequestId: row.id, outcome: "approved", idempotencyKey })}
          >
            <Button
              type="primary"
              size="small"
              loading={decide.isPending}
              data-testid={`change-approve-${row.id}`}
            >
              {t("changes.approve")}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            danger
            onClick={() => setRejecting(true)}
            data-testid={`change-reject-${row.id}`}
          >
            {t("changes.reject")}
          </Button>
        </Space>
      )}
    </Space>
  );
}

/** A platform's change requests, newest first; the authority approves or rejects the pending ones here. */
export function ChangesCard({ platformId }: { platformId: string }) {
  const { t, i18n } = useTranslation([reviewerNamespace, "common"]);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const trpc = useTRPC();
  const list = useQuery(trpc.changes.list.queryOptions({ platformId }));
  if (list.isError) return <InlineError error={list.error} />;
  const data = list.data;
  const columns = changeColumns<ChangeRow>(t, locale);
  if (data?.canDecide)
    columns.push({
      title: "",
      key: "decide",
      render: (_, r) => (r.status === "pending" ? <Decide row={r} onDone={() => list.refetch()} /> : null),
    });
  return (
    <Card title={t("changes.title")} size="small" loading={list.isPending} data-testid="changes-card">
      {!data ? null : !data.hasProcedure && data.requests.length === 0 ? (
        <Alert type="info" showIcon title={t("changes.noProcedure")} />
      ) : data.requests.length === 0 ? (
        <Empty
          description={
            <>
              <div>{t("changes.empty")}</div>
              <Typography.Text type="secondary">{t("changes.emptyHint")}</Typography.Text>
            </>
          }
        />
      ) : (
        <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={data.requests} />
      )}
    </Card>
  );
}
