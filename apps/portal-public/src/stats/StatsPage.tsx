import type { DirectoryQuery } from "@kechuang/domain";
import {
  EmptyState,
  ErrorState,
  formatCount,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Flex, Spin, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { defaultDirectoryQuery, directorySearchParams } from "../directory/directoryUrl";
import { publicNamespace } from "../messages";
import { portalPath } from "../paths";
import { ChartWithTable } from "./ChartWithTable";
import { barHeight, barOption, pieOption, type StatRow } from "./chartOptions";

/**
 * Statistics of the directory: platforms by jurisdiction, field, year, kind and status, each chart with its
 * table twin. There is no map of China by province: no well-kept map asset (GeoJSON of the provinces under
 * a clear licence and kept up to date) is available offline, and a bar chart by jurisdiction says the same.
 */
export function StatsPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const stats = useQuery(trpc.publicStats.summary.queryOptions());
  const series = t("stats.series");

  const charts = useMemo(() => {
    const data = stats.data;
    if (!data) return null;
    /** The directory filtered to one value: each table row leads to the platforms it counts. */
    const directoryHref = (filter: Partial<DirectoryQuery>) => {
      const params = directorySearchParams({ ...defaultDirectoryQuery, ...filter }).toString();
      return `${portalPath(basePath)}${params ? `?${params}` : ""}`;
    };
    const jurisdictions: StatRow[] = data.byJurisdiction.map((row) => ({
      key: row.code,
      label: localized(row.name, locale),
      count: row.count,
      href: directoryHref({ jurisdiction: row.code }),
    }));
    const fields: StatRow[] = data.byField.map((row) => ({
      key: row.field,
      label: row.field,
      count: row.count,
      href: directoryHref({ field: row.field }),
    }));
    const years: StatRow[] = data.byYear.map((row) => ({
      key: String(row.year),
      label: String(row.year),
      count: row.count,
      href: directoryHref({ year: row.year }),
    }));
    const kinds: StatRow[] = data.byKind.map((row) => ({
      key: row.kind,
      label: t(`common:kind.${row.kind}`),
      count: row.count,
      href: directoryHref({ kind: row.kind }),
    }));
    const statuses: StatRow[] = data.byStatus.map((row) => ({
      key: row.status,
      label: t(`directory.status.${row.status}`),
      count: row.count,
      href: directoryHref({ status: row.status }),
    }));
    return [
      {
        id: "jurisdiction",
        title: t("stats.chart.jurisdiction"),
        keyHeader: t("stats.column.jurisdiction"),
        rows: jurisdictions,
        option: barOption(jurisdictions, series, true),
        height: barHeight(jurisdictions.length),
      },
      {
        id: "field",
        title: t("stats.chart.field", { shown: fields.length, total: data.fieldCount }),
        keyHeader: t("stats.column.field"),
        rows: fields,
        option: barOption(fields, series, true),
        height: barHeight(fields.length),
        note: t("stats.fieldNote"),
      },
      {
        id: "year",
        title: t("stats.chart.year"),
        keyHeader: t("stats.column.year"),
        rows: years,
        option: barOption(years, series, false),
        height: 280,
      },
      {
        id: "kind",
        title: t("stats.chart.kind"),
        keyHeader: t("stats.column.kind"),
        rows: kinds,
        option: pieOption(kinds, series),
        height: 280,
      },
      {
        id: "status",
        title: t("stats.chart.status"),
        keyHeader: t("stats.column.status"),
        rows: statuses,
        option: pieOption(statuses, series),
        height: 280,
      },
    ];
  }, [stats.data, locale, t, series, basePath]);

  return (
    <div data-testid="stats-page">
      <PageHeader title={t("stats.title")} subtitle={t("stats.subtitle")} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text strong data-testid="stats-total">
          {stats.data ? t("stats.total", { total: formatCount(stats.data.total, locale) }) : null}
        </Typography.Text>
        <Link to={portalPath(basePath)} data-testid="stats-to-directory">
          {t("stats.toDirectory")}
        </Link>
      </Flex>
      {stats.isPending ? (
        <Spin size="large" style={{ display: "block", margin: 48 }} />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.data.total === 0 ? (
        <EmptyState
          title={t("stats.emptyTitle")}
          description={t("stats.emptyHint")}
          next={{ label: t("empty.readPolicies"), onClick: () => navigate(portalPath(basePath, "policies")) }}
        />
      ) : (
        charts?.map((chart) => <ChartWithTable key={chart.id} locale={locale} {...chart} />)
      )}
    </div>
  );
}
