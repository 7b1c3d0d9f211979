import type { RouterOutputs } from "@kechuang/api";
import type { SessionUser } from "@kechuang/domain";
import {
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  NotificationsCard,
  PageHeader,
  StageTag,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Table, type TableProps, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { newestFirst, policyTitle } from "./applications";
import { applicantNamespace } from "./messages";

type Application = RouterOutputs["applications"]["listMine"][number];

export function MyApplicationsPage({
  basePath,
  locale,
  user,
}: {
  basePath: string;
  locale: Locale;
  user: SessionUser;
}) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const applications = useQuery(trpc.applications.listMine.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  const start = () => navigate(`${basePath}/new`);

  const columns: TableProps<Application>["columns"] = [
    {
      title: t("column.title"),
      key: "title",
      render: (_, row) => (
        <a
          href={`${basePath}/${row.id}`}
          onClick={(event) => {
            event.preventDefault();
            navigate(`${basePath}/${row.id}`);
          }}
          data-testid={`open-application-${row.id}`}
        >
          {row.title}
        </a>
      ),
    },
    {
      title: t("column.policy"),
      key: "policy",
      render: (_, row) => policyTitle(policies.data, row.policyId),
    },
    { title: t("column.kind"), key: "kind", render: (_, row) => <Tag>{t(`common:kind.${row.kind}`)}</Tag> },
    { title: t("column.stage"), key: "stage", render: (_, row) => <StageTag stage={row.stage} /> },
    {
      title: t("column.updatedAt"),
      key: "updatedAt",
      render: (_, row) => formatDate(new Date(row.updatedAt), locale),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={
          user.organizationName
            ? t("subtitle", { organization: user.organizationName })
            : t("subtitleNoOrganization")
        }
        extra={
          <Button type="primary" onClick={start}>
            {t("start")}
          </Button>
        }
      />
      <NotificationsCard
        locale={locale}
        onOpen={(applicationId) => navigate(`${basePath}/${applicationId}`)}
        onOpenPlatform={() => navigate(`${basePath}/platforms`)}
        onRefresh={() => void applications.refetch()}
      />
      {applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : (
        <Table<Application>
          rowKey="id"
          columns={columns}
          dataSource={newestFirst(applications.data ?? [])}
          loading={applications.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: applications.isPending ? (
              " "
            ) : (
              <EmptyState
                title={t("empty.title")}
                description={t("empty.hint")}
                next={{ label: t("start"), onClick: start }}
              />
            ),
          }}
        />
      )}
    </div>
  );
}
