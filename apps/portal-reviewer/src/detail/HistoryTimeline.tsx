import { type Role, roleLabels } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import { Empty, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import type { ApplicationDetail } from "../workflow/api";
import { formatDateTime } from "../workflow/dates";

/** Every step the application took: who (by role only), from where to where, and why when a reason was given. */
export function HistoryTimeline({ detail, locale }: { detail: ApplicationDetail; locale: Locale }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const stageName = (id: string) => {
    const own = detail.stages.find((s) => s.id === id)?.name;
    return own ? localized(own, locale) : t(`common:stage.${id}`, { defaultValue: id });
  };
  const roleName = (role: string) =>
    role in roleLabels ? localized(roleLabels[role as Role], locale) : t("detail.historySystem");
  if (detail.history.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.historyEmpty")} />;
  }
  return (
    <Timeline
      data-testid="history"
      items={detail.history.map((entry, index) => ({
        key: `${String(entry.at)}-${index}`,
        color: entry.reason ? "orange" : "blue",
        content: (
          <div>
            <div>
              {entry.from ? (
                <>
                  <strong>{stageName(entry.from)}</strong> →{" "}
                </>
              ) : null}
              <strong>{stageName(entry.to)}</strong>
            </div>
            <div style={{ color: "rgba(0,0,0,0.55)" }}>
              {formatDateTime(entry.at, locale)} · {roleName(entry.actorRole)}
            </div>
            {entry.reason ? <div>{t("detail.historyReason", { reason: entry.reason })}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
