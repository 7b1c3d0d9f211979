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
import { Grid, Table, type TableProps, Tag, Typography } from "antd";
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
  // On a phone seven columns squeeze the titles to a character a line: keep title and status, and put the
  // jurisdiction and date under the title instead of in columns of their own.
  const narrow = Grid.useBreakpoint().md === false;

  const columns: TableProps<Policy>["columns"] = [
    {
      title: t("library.column.title"),
      key: "title",
      render: (_, policy) => (
        <>
          <Link to={policyPath(basePath, policy.id)}>{policy.title}</Link>
          {narrow ? (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {localized(policy.jurisdictionName, locale)} · {formatDate(policy.date, locale)}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t("library.column.jurisdiction"),
      key: "jurisdiction",
      responsive: ["md"],
      render: (_, policy) => localized(policy.jurisdictionName, locale),
    },
    { title: t("library.column.issuer"), dataIndex: "issuer", key: "issuer", responsive: ["md"] },
    {
      title: t("library.column.documentNumber"),
      key: "documentNumber",
      responsive: ["md"],
      render: (_, policy) => policy.documentNumber ?? t("library.noNumber"),
    },
    {
      title: t("library.column.date"),
      key: "date",
      responsive: ["md"],
      render: (_, policy) => formatDate(policy.date, locale),
    },
    {
      title: t("library.column.status"),
      key: "status",
      render: (_, policy) => <StatusBadge status={policy.status} />,
    },
    {
      title: t("library.column.kinds"),
      key: "kinds",
      responsive: ["md"],
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
