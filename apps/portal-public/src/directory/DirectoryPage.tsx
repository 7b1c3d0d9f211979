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
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, List, Space, Statistic, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "../messages";
import { StatusBadge } from "../PolicyBadges";
import { PortalNav } from "../PortalNav";
import { policyPath } from "../paths";
import { DirectoryFilters } from "./DirectoryFilters";
import { DirectoryTable } from "./DirectoryTable";
import { DownloadLinks } from "./DownloadLinks";
import { cleared, isNarrowed, withChange } from "./directoryUrl";
import { useDirectoryQuery } from "./useDirectoryQuery";

type Policy = RouterOutputs["policies"]["list"][number];

/**
 * The public portal's home: the directory of every platform (approved, in Anshun's cultivation pool, or
 * revoked), searched, filtered, sorted and paged by the server, its whole state in the URL.
 */
export function DirectoryPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const { query, ignored, setQuery } = useDirectoryQuery();
  // The previous page stays on screen while the next loads: the table does not collapse on every click.
  const directory = useQuery({
    ...trpc.platforms.directory.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const facets = useQuery(trpc.platforms.facets.queryOptions());
  const stats = useQuery(trpc.publicStats.summary.queryOptions());
  const policies = useQuery(trpc.policies.list.queryOptions());
  const notices = useQuery(trpc.publicity.listOpen.queryOptions());
  const policiesRef = useRef<HTMLElement>(null);
  const pick = (text: LocalizedText) => localized(text, locale);

  // A link to a page past the end (the data shrank since it was shared): show the last page instead.
  const data = directory.data;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0) {
      setQuery(withChange(query, { page: Math.ceil(data.total / data.pageSize) }));
    }
  }, [data, query, setQuery]);

  const statusCount = (status: "approved" | "cultivating" | "revoked") =>
    stats.data?.byStatus.find((row) => row.status === status)?.count ?? 0;
  const cards = [
    { key: "approved", title: t("directory.counts.approved"), value: statusCount("approved") },
    { key: "cultivating", title: t("directory.counts.cultivating"), value: statusCount("cultivating") },
    { key: "revoked", title: t("directory.counts.revoked"), value: statusCount("revoked") },
    { key: "jurisdictions", title: t("counts.jurisdictions"), value: stats.data?.byJurisdiction.length ?? 0 },
    { key: "policies", title: t("counts.policies"), value: policies.data?.length ?? 0 },
  ];

  const showPolicies = () => policiesRef.current?.scrollIntoView({ behavior: "smooth" });
  const empty = isNarrowed(query) ? (
    <EmptyState
      title={t("directory.empty.filteredTitle")}
      description={t("directory.empty.filteredHint")}
      next={{ label: t("directory.clear"), onClick: () => setQuery(cleared(query)) }}
    />
  ) : (
    <EmptyState
      title={t("directory.empty.noneTitle")}
      description={t("directory.empty.noneHint")}
      next={{ label: t("empty.readPolicies"), onClick: showPolicies }}
    />
  );

  return (
    <div>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <PortalNav basePath={basePath} openNotices={notices.data?.length} />

      <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="directory-counts">
        {cards.map((card) => (
          <Card size="small" key={card.key} style={{ flex: "1 1 150px" }}>
            <Statistic
              title={card.title}
              value={formatCount(card.value, locale)}
              loading={card.key === "policies" ? policies.isPending : stats.isPending}
              data-testid={`count-${card.key}`}
            />
          </Card>
        ))}
      </Flex>

      <DirectoryFilters query={query} facets={facets.data} locale={locale} onChange={setQuery} />
      {ignored.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t("directory.invalidUrl", { keys: ignored.join(", ") })}
          data-testid="directory-ignored"
        />
      ) : null}

      <section aria-labelledby="directory-results-heading">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Space wrap align="baseline">
            <Typography.Title level={2} id="directory-results-heading" style={{ margin: 0, fontSize: 18 }}>
              {t("directory.results")}
            </Typography.Title>
            <span aria-live="polite" data-testid="directory-total">
              {data ? t("directory.total", { total: formatCount(data.total, locale) }) : null}
            </span>
          </Space>
          <DownloadLinks query={query} />
        </Flex>
        {directory.isError ? (
          <ErrorState error={directory.error} onRetry={() => void directory.refetch()} />
        ) : (
          <DirectoryTable
            page={data}
            loading={directory.isPending || directory.isPlaceholderData}
            basePath={basePath}
            locale={locale}
            empty={empty}
            onPage={(page, pageSize) =>
              setQuery(
                pageSize === query.pageSize
                  ? withChange(query, { page })
                  : withChange(query, { page: 1, pageSize }),
              )
            }
          />
        )}
      </section>

      <section ref={policiesRef} aria-labelledby="policies-heading" style={{ marginTop: 24 }}>
        <Card
          title={
            <Typography.Title level={2} id="policies-heading" style={{ margin: 0, fontSize: 16 }}>
              {t("policies.title")}
            </Typography.Title>
          }
          size="small"
        >
          {policies.isError ? (
            <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
          ) : (
            <List<Policy>
              loading={policies.isPending}
              dataSource={policies.data ?? []}
              renderItem={(policy) => (
                <List.Item key={policy.id}>
                  {/* Not List.Item.Meta: its <h4> would skip a level under the section's <h2>. */}
                  <div>
                    <Typography.Title level={3} style={{ margin: 0, fontSize: 14 }}>
                      <Space wrap>
                        <Link to={policyPath(basePath, policy.id)}>{policy.title}</Link>
                        {policy.documentNumber ? <span>{policy.documentNumber}</span> : null}
                        <StatusBadge status={policy.status} />
                      </Space>
                    </Typography.Title>
                    <Typography.Text type="secondary">
                      {`${pick(policy.jurisdictionName)} · ${t("policies.issuedBy", {
                        issuer: policy.issuer,
                        date: formatDate(policy.date, locale),
                      })}`}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      </section>
    </div>
  );
}
