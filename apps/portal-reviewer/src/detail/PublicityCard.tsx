import { EmptyState, ErrorState, formatDate, InlineError, type Locale, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";
import type { ObjectionRow } from "../workflow/api";

const statusColor: Record<string, string> = { open: "gold", upheld: "red", dismissed: "default" };
type Outcome = "upheld" | "dismissed";

/** Objections filed during publicity; the authority upholds (back to review) or dismisses with a reason. */
export function PublicityCard({
  applicationId,
  locale,
  onChanged,
}: {
  applicationId: string;
  locale: Locale;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const [resolving, setResolving] = useState<{ objection: ObjectionRow; outcome: Outcome } | null>(null);
  const objections = useQuery(trpc.publicity.objections.queryOptions({ applicationId }));
  if (objections.isError) {
    return <ErrorState error={objections.error} onRetry={() => void objections.refetch()} />;
  }
  const pending = (objections.data ?? []).filter((o) => o.status === "open").length;
  return (
    <div data-testid="publicity-card">
      {pending > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("publicity.pending", { count: pending })}
          data-testid="objections-pending"
        />
      ) : null}
      <Table<ObjectionRow>
        size="small"
        rowKey="id"
        loading={objections.isPending}
        dataSource={objections.data ?? []}
        pagination={false}
        onRow={(o) => ({ "data-testid": `objection-row-${o.id}`, "data-status": o.status }) as object}
        locale={{
          emptyText: (
            <EmptyState
              title={t("publicity.objectionsEmpty")}
              description={t("publicity.objectionsEmptyHint")}
              next={{ label: t("refresh"), onClick: () => void objections.refetch() }}
            />
          ),
        }}
        columns={[
          { title: t("publicity.column.objector"), dataIndex: "objectorName", key: "name" },
          { title: t("publicity.column.contact"), dataIndex: "objectorContact", key: "contact" },
          {
            title: t("publicity.column.grounds"),
            key: "grounds",
            render: (_, o) => (
              <>
                <div style={{ whiteSpace: "pre-wrap" }}>{o.grounds}</div>
                {o.reason ? (
                  <Typography.Text type="secondary">
                    {t("detail.historyReason", { reason: o.reason })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t("publicity.column.submittedAt"),
            key: "at",
            render: (_, o) => formatDate(new Date(o.submittedAt), locale),
          },
          {
            title: t("publicity.column.status"),
            key: "status",
            render: (_, o) =>
              o.status === "open" ? (
                <Flex gap="small">
                  <Button
                    size="small"
                    danger
                    data-testid={`objection-uphold-${o.id}`}
                    onClick={() => setResolving({ objection: o, outcome: "upheld" })}
                  >
                    {t("publicity.uphold")}
                  </Button>
                  <Button
                    size="small"
                    data-testid={`objection-dismiss-${o.id}`}
                    onClick={() => setResolving({ objection: o, outcome: "dismissed" })}
                  >
                    {t("publicity.dismiss")}
                  </Button>
                </Flex>
              ) : (
                <Tag color={statusColor[o.status] ?? "default"}>
                  {t(`publicity.status.${o.status}`, { defaultValue: o.status })}
                </Tag>
              ),
          },
        ]}
      />
      {resolving ? (
        <ResolveModal
          objection={resolving.objection}
          outcome={resolving.outcome}
          onClose={() => setResolving(null)}
          onChanged={onChanged}
        />
      ) : null}
    </div>
  );
}

function ResolveModal({
  objection,
  outcome,
  onClose,
  onChanged,
}: {
  objection: ObjectionRow;
  outcome: Outcome;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const resolve = useMutation(
    trpc.publicity.resolveObjection.mutationOptions({
      onSuccess: async () => {
        void message.success(t("publicity.resolved"));
        onClose();
        await onChanged();
      },
    }),
  );
  return (
    <Modal
      open
      title={t(outcome === "upheld" ? "publicity.upholdTitle" : "publicity.dismissTitle")}
      okText={t("actions.ok")}
      cancelText={t("actions.cancel")}
      okButtonProps={{
        danger: outcome === "upheld",
        loading: resolve.isPending,
        "data-testid": "objection-confirm",
      }}
      onOk={() =>
        void form
          .validateFields()
          .then((v) =>
            resolve.mutate({ objectionId: objection.id, outcome, reason: v.reason.trim(), idempotencyKey }),
          )
          // Validation failures show under the field; nothing else to do.
          .catch(() => undefined)
      }
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap" }}>
        {objection.grounds}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="objection-form">
        <Form.Item
          name="reason"
          label={t("actions.reason")}
          rules={[{ required: true, whitespace: true, message: t("actions.reasonRequired") }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-reason" />
        </Form.Item>
      </Form>
      {resolve.isError ? <InlineError error={resolve.error} /> : null}
    </Modal>
  );
}
