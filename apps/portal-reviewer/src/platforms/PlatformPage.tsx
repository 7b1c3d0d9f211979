import type { SessionUser } from "@kechuang/domain";
import {
  ErrorState,
  formatDate,
  type Locale,
  localized,
  ObligationCalendar,
  type ObligationEntry,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Space, Spin, type TableColumnType } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { PlatformOversight } from "../evaluations/PlatformOversight";
import { reviewerNamespace } from "../messages";
import { ChangesCard } from "./ChangesCard";
import { ExperiencesCard } from "./ExperiencesCard";
import { GovernanceCard } from "./GovernanceCard";
import { ReportReview } from "./ReportReview";

/** One platform: its obligations calendar, its reports (open one to read and act on it), its oversight. */
export function PlatformPage({
  basePath,
  locale,
  user,
}: {
  basePath: string;
  locale: Locale;
  user: SessionUser;
}) {
  const { platformId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const calendar = useQuery(trpc.platformCalendar.get.queryOptions({ platformId }));
  const policies = useQuery(trpc.policies.list.queryOptions());
  const openYear = search.get("year") ? Number(search.get("year")) : null;
  const setYear = (year: number | null) => setSearch(year === null ? {} : { year: String(year) });
  if (calendar.isPending) return <Spin size="large" />;
  if (calendar.isError) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const { platform, entries, lateGround } = calendar.data;
  const action: TableColumnType<ObligationEntry> = {
    title: "",
    key: "open",
    render: (_, e) =>
      e.report ? (
        <Button
          size="small"
          type="link"
          data-testid={`open-report-${e.yearCovered}`}
          onClick={() => setYear(e.yearCovered)}
        >
          {t("platforms.calendar.open")}
        </Button>
      ) : null,
  };
  return (
    <div>
      <PageHeader
        title={platform.name}
        subtitle={`${policies.data?.find((p) => p.id === platform.policyId)?.title ?? platform.policyId} · ${formatDate(platform.approvedOn, locale)}`}
        extra={<Button onClick={() => navigate(`${basePath}/platforms`)}>{t("platforms.back")}</Button>}
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {lateGround ? (
          <Alert
            type="error"
            showIcon
            data-testid="late-ground"
            title={t("platforms.lateGround", {
              years: lateGround.years.join("、"),
              ground: localized(lateGround.text, locale),
            })}
          />
        ) : null}
        {openYear !== null ? (
          <ReportReview
            key={openYear}
            platformId={platformId}
            yearCovered={openYear}
            user={user}
            locale={locale}
            onClose={() => setYear(null)}
          />
        ) : null}
        <Card title={t("platforms.calendar.title")} size="small">
          <ObligationCalendar
            entries={entries}
            locale={locale}
            action={action}
            emptyText={t("platforms.calendar.empty")}
          />
        </Card>
        <PlatformOversight platformId={platformId} />
        <ChangesCard platformId={platformId} />
        <GovernanceCard platformId={platformId} locale={locale} />
        <ExperiencesCard platformId={platformId} user={user} />
      </Space>
    </div>
  );
}
