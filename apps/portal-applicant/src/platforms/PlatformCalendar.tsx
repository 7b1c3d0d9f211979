import { InlineError, type Locale, ObligationCalendar, type ObligationEntry, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Empty, type TableColumnType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { applicantNamespace } from "../messages";

/** One platform's obligations: what is due, when, and whether it is overdue; reports open in the editor. */
export function PlatformCalendar({
  platformId,
  basePath,
  locale,
}: {
  platformId: string;
  basePath: string;
  locale: Locale;
}) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const calendar = useQuery(trpc.platformCalendar.get.queryOptions({ platformId }));
  if (calendar.isError) return <InlineError error={calendar.error} />;
  const open = (year: number) => navigate(`${basePath}/platforms/${platformId}/reports/${year}`);
  const action: TableColumnType<ObligationEntry> = {
    title: t("platforms.calendar.action"),
    key: "action",
    render: (_, e) =>
      e.kind !== "annual-report" || e.exempt ? null : e.writable ? (
        <Button
          size="small"
          type={e.status === "overdue" || e.status === "due" ? "primary" : "default"}
          data-testid={`write-report-${e.yearCovered}`}
          onClick={() => open(e.yearCovered!)}
        >
          {e.report ? t("platforms.calendar.continue") : t("platforms.calendar.write")}
        </Button>
      ) : e.report ? (
        <Button
          size="small"
          type="link"
          data-testid={`view-report-${e.yearCovered}`}
          onClick={() => open(e.yearCovered!)}
        >
          {t("platforms.calendar.view")}
        </Button>
      ) : (
        <Typography.Text type="secondary">
          {t("platforms.calendar.notYet", { year: e.yearCovered })}
        </Typography.Text>
      ),
  };
  const entries = calendar.data?.entries ?? [];
  return (
    <ObligationCalendar
      entries={entries}
      locale={locale}
      action={action}
      loading={calendar.isPending}
      data-testid={`calendar-${platformId}`}
      rowClassName={(e) => (e.status === "overdue" ? "obligation-overdue" : "")}
      emptyText={
        calendar.isPending ? (
          " "
        ) : (
          <Empty
            description={
              <>
                <strong>{t("platforms.calendar.noObligations")}</strong>
                <div>{t("platforms.calendar.noObligationsHint")}</div>
              </>
            }
          />
        )
      }
    />
  );
}
