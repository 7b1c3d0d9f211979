import type { RouterOutputs } from "@kechuang/api";
import type { LocalizedText } from "@kechuang/domain";
import {
  EmptyState,
  ErrorState,
  formatCount,
  formatDate,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  Col,
  Flex,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableProps,
  Tag,
} from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "./messages";
import { StatusBadge } from "./PolicyBadges";
import { PortalNav } from "./PortalNav";
import { platformPath, policyPath } from "./paths";
import {
  countPlatforms,
  fieldLabels,
  filterPlatforms,
  isFiltered,
  jurisdictionsOf,
  noFilter,
  type PlatformFilter,
} from "./platforms";
import { isRevoked } from "./platforms/timeline";

type Platform = RouterOutputs["platforms"]["listApproved"][number];
type Policy = RouterOutputs["policies"]["list"][number];

const kinds = ["tech-innovation-center", "transfer-demonstration-zone", "city-platform"] as const;

export function HomePage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const platforms = useQuery(trpc.platforms.listApproved.queryOptions({}));
  const policies = useQuery(trpc.policies.list.queryOptions());
  const notices = useQuery(trpc.publicity.listOpen.queryOptions());
  const [filter, setFilter] = useState<PlatformFilter>(noFilter);
  const policiesRef = useRef<HTMLDivElement>(null);
  const pick = (text: LocalizedText) => localized(text, locale);

  const rows = platforms.data ?? [];
  const counts = countPlatforms(rows);
  const visible = filterPlatforms(rows, filter);

  const columns: TableProps<Platform>["columns"] = [
    {
      title: t("column.name"),
      key: "name",
      render: (_, row) => (
        <Space size="small" wrap>
          <Link
            to={platformPath(basePath, row.id)}
            data-testid={`platform-link-${row.id}`}
            title={t("platform.openPage")}
          >
            {row.name}
          </Link>
          {isRevoked(row) ? (
            <Tag color="red" data-testid={`platform-revoked-${row.id}`}>
              {row.revokedOn
                ? t("platform.revokedTitle", { date: formatDate(row.revokedOn, locale) })
                : t("platform.revokedTag")}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("column.kind"),
      key: "kind",
      render: (_, row) => <Tag>{t(`common:kind.${row.kind}`)}</Tag>,
    },
    { title: t("column.jurisdiction"), key: "jurisdiction", render: (_, row) => pick(row.jurisdiction.name) },
    { title: t("column.leadUnit"), dataIndex: "leadUnitName", key: "leadUnit" },
    {
      title: t("column.approvedOn"),
      key: "approvedOn",
      render: (_, row) => formatDate(row.approvedOn, locale),
    },
    {
      title: t("column.fields"),
      key: "fields",
      render: (_, row) => fieldLabels(row.fields, pick).map((field) => <Tag key={field}>{field}</Tag>),
    },
    {
      title: t("platform.policy"),
      key: "policy",
      render: (_, row) => (
        <Link to={policyPath(basePath, row.policyId)} data-testid={`platform-policy-${row.id}`}>
          {policies.data?.find((policy) => policy.id === row.policyId)?.title ?? row.policyId}
        </Link>
      ),
    },
  ];

  const showPolicies = () => policiesRef.current?.scrollIntoView({ behavior: "smooth" });

  return (
    <div>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <PortalNav basePath={basePath} openNotices={notices.data?.length} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ["centers", counts.centers],
            ["zones", counts.zones],
            ["jurisdictions", counts.jurisdictions],
            ["policies", policies.data?.length ?? 0],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} md={6} key={key}>
            <Card size="small">
              <Statistic
                title={t(`counts.${key}`)}
                value={formatCount(value, locale)}
                loading={platforms.isPending}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <Space>
          <label htmlFor="filter-jurisdiction">{t("filter.jurisdiction")}</label>
          <Select
            id="filter-jurisdiction"
            style={{ minWidth: 160 }}
            value={filter.jurisdiction ?? ""}
            onChange={(value) => setFilter({ ...filter, jurisdiction: value || null })}
            options={[
              { value: "", label: t("filter.all") },
              ...jurisdictionsOf(rows).map((option) => ({ value: option.code, label: pick(option.name) })),
            ]}
          />
        </Space>
        <Space>
          <label htmlFor="filter-kind">{t("filter.kind")}</label>
          <Select
            id="filter-kind"
            style={{ minWidth: 220 }}
            value={filter.kind ?? ""}
            onChange={(value) => setFilter({ ...filter, kind: value || null })}
            options={[
              { value: "", label: t("filter.all") },
              ...kinds.map((kind) => ({ value: kind, label: t(`common:kind.${kind}`) })),
            ]}
          />
        </Space>
        {isFiltered(filter) ? <Button onClick={() => setFilter(noFilter)}>{t("filter.clear")}</Button> : null}
      </Flex>

      {platforms.isError ? (
        <ErrorState error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : (
        <Table<Platform>
          rowKey="id"
          columns={columns}
          dataSource={visible}
          loading={platforms.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: platforms.isPending ? (
              " "
            ) : isFiltered(filter) ? (
              <EmptyState
                title={t("empty.filteredTitle")}
                description={t("empty.filteredHint")}
                next={{ label: t("filter.clear"), onClick: () => setFilter(noFilter) }}
              />
            ) : (
              <EmptyState
                title={t("empty.noneTitle")}
                description={t("empty.noneHint")}
                next={{ label: t("empty.readPolicies"), onClick: showPolicies }}
              />
            ),
          }}
        />
      )}

      <div ref={policiesRef} style={{ marginTop: 24 }}>
        <Card title={t("policies.title")} size="small">
          {policies.isError ? (
            <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
          ) : (
            <List<Policy>
              loading={policies.isPending}
              dataSource={policies.data ?? []}
              renderItem={(policy) => (
                <List.Item key={policy.id}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Link to={policyPath(basePath, policy.id)}>{policy.title}</Link>
                        {policy.documentNumber ? <span>{policy.documentNumber}</span> : null}
                        <StatusBadge status={policy.status} />
                      </Space>
                    }
                    description={`${pick(policy.jurisdictionName)} · ${t("policies.issuedBy", {
                      issuer: policy.issuer,
                      date: formatDate(policy.date, locale),
                    })}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
