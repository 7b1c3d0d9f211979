import type { RouterInputs, RouterOutputs } from "@kechuang/api";
import { EmptyState, ErrorState, type Locale, PageHeader, useTRPC, useTRPCClient } from "@kechuang/ui";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { Alert, Button, Flex, Form, Input, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { formatDateTime } from "../workflow/dates";
import { type AuditFilterValues, auditFilterInput } from "./auditFilter";

type AuditRow = RouterOutputs["audit"]["list"]["rows"][number];
type AuditInput = NonNullable<RouterInputs["audit"]["list"]>;
const resultColor = { ok: "green", denied: "orange", failed: "red" } as const;

/** Audit administrator: the trail newest first, keyset-paged, filtered; and the hash-chain check. */
export function AuditPage({ locale }: { locale: Locale }) {
  const { t } = useTranslation(reviewerNamespace);
  const client = useTRPCClient();
  const trpc = useTRPC();
  const [form] = Form.useForm<AuditFilterValues>();
  const [filter, setFilter] = useState<Omit<AuditInput, "beforeId" | "limit">>({});
  const pages = useInfiniteQuery({
    queryKey: [...trpc.audit.list.queryKey(), filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => client.audit.list.query({ ...filter, beforeId: pageParam, limit: 50 }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => client.audit.verify.query() });
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];

  return (
    <div>
      <PageHeader
        title={t("admin.audit.title")}
        subtitle={t("admin.audit.subtitle")}
        extra={
          <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
            {t("admin.audit.verify")}
          </Button>
        }
      />
      {verify.data ? (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          data-testid="audit-verify-result"
          type={verify.data.ok ? "success" : "error"}
          title={
            verify.data.ok
              ? t("admin.audit.verifyOk", { rows: verify.data.rows })
              : t("admin.audit.verifyBroken", {
                  id: verify.data.brokenAtId,
                  rows: verify.data.rows,
                  reason: t(`admin.audit.${verify.data.reason}`),
                })
          }
        />
      ) : null}
      {verify.isError ? <ErrorState error={verify.error} onRetry={() => verify.mutate()} /> : null}
      <Form<AuditFilterValues>
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        data-testid="audit-filter"
        onFinish={(values) => setFilter(auditFilterInput(values))}
      >
        <Form.Item name="actionPrefix" label={t("admin.audit.actionPrefix")}>
          <Input allowClear style={{ width: 180 }} data-testid="audit-action-prefix" />
        </Form.Item>
        <Form.Item name="result">
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t("admin.audit.resultAny")}
            options={(["ok", "denied", "failed"] as const).map((value) => ({ value, label: value }))}
          />
        </Form.Item>
        <Form.Item name="from" label={t("admin.audit.from")}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t("admin.audit.to")}>
          <Input type="date" />
        </Form.Item>
        <Flex gap="small">
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t("admin.audit.search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            {t("admin.audit.reset")}
          </Button>
        </Flex>
      </Form>
      {pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <Table<AuditRow>
            rowKey="id"
            size="small"
            loading={pages.isPending}
            dataSource={rows}
            pagination={false}
            onRow={(r) => ({ "data-testid": `audit-row-${r.id}` }) as object}
            locale={{
              emptyText: pages.isPending ? (
                " "
              ) : (
                <EmptyState
                  title={t("admin.audit.empty")}
                  description={t("admin.audit.emptyHint")}
                  next={{
                    label: t("admin.audit.reset"),
                    onClick: () => {
                      form.resetFields();
                      setFilter({});
                    },
                  }}
                />
              ),
            }}
            columns={[
              { title: "#", dataIndex: "id", key: "id", width: 70 },
              { title: t("admin.audit.at"), key: "at", render: (_, r) => formatDateTime(r.at, locale) },
              {
                title: t("admin.audit.actor"),
                key: "actor",
                render: (_, r) => (
                  <>
                    {r.actorRole}
                    {r.actorId ? (
                      <Typography.Text type="secondary"> · {r.actorId.slice(0, 8)}</Typography.Text>
                    ) : null}
                  </>
                ),
              },
              { title: t("admin.audit.action"), dataIndex: "action", key: "action" },
              {
                title: t("admin.audit.object"),
                key: "object",
                render: (_, r) =>
                  r.objectType ? `${r.objectType}${r.objectId ? `:${r.objectId.slice(0, 12)}` : ""}` : "—",
              },
              {
                title: t("admin.audit.result"),
                key: "result",
                render: (_, r) => <Tag color={resultColor[r.result]}>{r.result}</Tag>,
              },
              {
                title: t("admin.audit.details"),
                key: "detail",
                render: (_, r) =>
                  r.detail ? (
                    <Typography.Text
                      code
                      ellipsis={{ tooltip: JSON.stringify(r.detail) }}
                      style={{ maxWidth: 280 }}
                    >
                      {JSON.stringify(r.detail)}
                    </Typography.Text>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
          {pages.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button
                onClick={() => void pages.fetchNextPage()}
                loading={pages.isFetchingNextPage}
                data-testid="audit-more"
              >
                {t("admin.audit.more")}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </div>
  );
}
