import type { RouterOutputs } from "@kechuang/api";
import { EmptyState, ErrorState, type Locale, PageHeader, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Spin, Table, type TableColumnType } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { reviewerNamespace } from "../messages";
import { changeColumns } from "./ChangesCard";

type QueueRow = RouterOutputs["changes"]["queue"][number];

/** 待批复变更: the pending change requests of the authority's jurisdiction; each opens its platform to decide. */
export function ChangesQueuePage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queue = useQuery(trpc.changes.queue.queryOptions());
  const open = (platformId: string) => navigate(`${basePath}/platforms/${platformId}`);
  const columns: TableColumnType<QueueRow>[] = [
    { title: t("changes.column.platform"), key: "platform", render: (_, r) => r.platformName },
    ...changeColumns<QueueRow>(t, locale),
    {
      title: "",
      key: "open",
      render: (_, r) => (
        <Button size="small" onClick={() => open(r.platformId)} data-testid={`change-open-${r.id}`}>
          {t("changes.queue.open")}
        </Button>
      ),
    },
  ];
  return (
    <div>
      <PageHeader title={t("changes.queue.title")} subtitle={t("changes.queue.subtitle")} />
      {queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.isPending ? (
        <Spin size="large" />
      ) : queue.data.length === 0 ? (
        <EmptyState
          title={t("changes.queue.empty")}
          description={t("changes.queue.emptyHint")}
          next={{ label: t("changes.queue.emptyNext"), onClick: () => navigate(`${basePath}/platforms`) }}
        />
      ) : (
        <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={queue.data} />
      )}
    </div>
  );
}
