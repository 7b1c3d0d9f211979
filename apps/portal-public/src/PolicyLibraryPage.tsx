import type { RouterOutputs } from "@kechuang/api";
import {
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Table, type TableProps, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { publicNamespace } from "./messages";
import { StatusBadge } from "./PolicyBadges";
import { policyPath, portalPath } from "./paths";

type Policy = RouterOutputs["policies"]["list"][number];

/** The library index: every module's source document with its status, jurisdiction and kinds. */
export function PolicyLibraryPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const policies = useQuery(trpc.policies.list.queryOptions());

  const columns: TableProps<Policy>["columns"] = [
    {
      title: t("library.column.title"),
      key: "title",
      render: (_, policy) => <Link to={policyPath(basePath, policy.id)}>{policy.title}</Link>,
    },
    {
      title: t("library.column.jurisdiction"),
      key: "jurisdiction",
      render: (_, policy) => localized(policy.jurisdictionName, locale),
    },
    { title: t("library.column.issuer"), dataIndex: "issuer", key: "issuer" },
    {
      title: t("library.column.documentNumber"),
      key: "documentNumber",
      render: (_, policy) => policy.documentNumber ?? t("library.noNumber"),
    },
    { title: t("library.column.date"), key: "date", render: (_, policy) => formatDate(policy.date, locale) },
    {
      title: t("library.column.status"),
      key: "status",
      render: (_, policy) => <StatusBadge status={policy.status} />,
    },
    {
      title: t("library.column.kinds"),
      key: "kinds",
      render: (_, policy) => policy.kinds.map((kind) => <Tag key={kind}>{t(`common:kind.${kind}`)}</Tag>),
    },
  ];

  return (
    <div data-testid="policy-library">
      <PageHeader title={t("library.title")} subtitle={t("library.subtitle")} />
      {policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <Table<Policy>
          rowKey="id"
          columns={columns}
          dataSource={policies.data ?? []}
          loading={policies.isPending}
          pagination={false}
          scroll={{ x: true }}
          locale={{
            emptyText: policies.isPending ? (
              " "
            ) : (
              <EmptyState
                title={t("library.emptyTitle")}
                description={t("library.emptyHint")}
                next={{ label: t("library.backToPlatforms"), onClick: () => navigate(portalPath(basePath)) }}
              />
            ),
          }}
        />
      )}
    </div>
  );
}
