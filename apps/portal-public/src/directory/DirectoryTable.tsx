import type { DirectoryItem, DirectoryPage } from "@kechuang/domain";
import { formatDate, type Locale, localized } from "@kechuang/ui";
import { Space, Table, type TableProps, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "../messages";
import { platformPath } from "../paths";

/** A platform's name linking to its page, marked when it is revoked (with the date) or in the cultivation pool. */
function NameCell({ row, basePath, locale }: { row: DirectoryItem; basePath: string; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  return (
    <Space size="small" wrap>
      <Link
        to={platformPath(basePath, row.id)}
        data-testid={`platform-link-${row.id}`}
        title={t("platform.openPage")}
      >
        {row.name}
      </Link>
      {row.status === "revoked" ? (
        <Tag color="red" data-testid={`platform-revoked-${row.id}`}>
          {row.revokedOn
            ? t("directory.revokedTag", { date: formatDate(row.revokedOn, locale) })
            : t("platform.revokedTag")}
        </Tag>
      ) : null}
      {row.status === "cultivating" ? (
        <Tag
          color="gold"
          data-testid={`platform-cultivating-${row.id}`}
          title={t("directory.cultivatingTitle")}
        >
          {t("directory.cultivatingTag")}
        </Tag>
      ) : null}
    </Space>
  );
}

/**
 * One server page of the directory. The table scrolls sideways inside itself on a narrow screen (the name
 * column stays readable), so the page never does.
 */
export function DirectoryTable({
  page,
  loading,
  basePath,
  locale,
  empty,
  onPage,
}: {
  page: DirectoryPage | undefined;
  loading: boolean;
  basePath: string;
  locale: Locale;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const columns: TableProps<DirectoryItem>["columns"] = [
    {
      title: t("column.name"),
      key: "name",
      width: 280,
      render: (_, row) => <NameCell row={row} basePath={basePath} locale={locale} />,
    },
    { title: t("column.kind"), key: "kind", render: (_, row) => t(`common:kind.${row.kind}`) },
    {
      title: t("column.jurisdiction"),
      key: "jurisdiction",
      render: (_, row) => localized(row.jurisdiction.name, locale),
    },
    { title: t("column.leadUnit"), dataIndex: "leadUnitName", key: "leadUnit" },
    {
      title: t("column.approvedOn"),
      key: "approvedOn",
      render: (_, row) => formatDate(row.approvedOn, locale),
    },
    {
      title: t("column.fields"),
      key: "fields",
      render: (_, row) => row.fields.map((field) => <Tag key={field}>{field}</Tag>),
    },
    {
      title: t("directory.column.status"),
      key: "status",
      render: (_, row) => t(`directory.status.${row.status}`),
    },
  ];

  const total = page?.total ?? 0;
  const from = page && total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? Math.min(total, from + page.items.length - 1) : 0;

  return (
    <Table<DirectoryItem>
      rowKey="id"
      data-testid="directory-table"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: "max-content" }}
      onRow={(row) =>
        ({ "data-platform-id": row.id, "data-name": row.name }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={
        total > 0 && page
          ? {
              current: page.page,
              pageSize: page.pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: () => t("directory.showing", { from, to, total }),
              onChange: onPage,
            }
          : false
      }
      locale={{ emptyText: loading ? " " : empty }}
    />
  );
}
