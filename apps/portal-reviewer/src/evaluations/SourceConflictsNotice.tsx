import type { Citation, LocalizedText } from "@kechuang/domain";
import { citationHref, type Locale, localized } from "@kechuang/ui";
import { Alert, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";

type Conflict = {
  id: string;
  topic: LocalizedText;
  readings: readonly { citation: Citation; reading: LocalizedText }[];
  appliedClause: string;
  choice: LocalizedText;
};

/**
 * Where the module's source contradicts itself (sc-zone: before or after the period ends), the authority
 * sees every reading quoted, and which one the dates here follow and why — so a date can be questioned.
 */
export function SourceConflictsNotice({
  conflicts,
  locale,
}: {
  conflicts: readonly Conflict[];
  locale: Locale;
}) {
  const { t } = useTranslation(reviewerNamespace);
  if (conflicts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="source-conflicts"
      title={t("evaluations.sourceConflicts.title")}
      description={
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t("evaluations.sourceConflicts.hint")}</Typography.Text>
          {conflicts.map((c) => (
            <div key={c.id} data-testid={`source-conflict-${c.id}`}>
              <Typography.Text strong>
                {t("evaluations.sourceConflicts.topic", { topic: localized(c.topic, locale) })}
              </Typography.Text>
              <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
                {c.readings.map((r) => (
                  <li key={r.citation.clause} data-testid={`source-conflict-reading-${r.citation.clause}`}>
                    <a href={citationHref(r.citation)}>
                      {r.citation.source} {r.citation.clause}
                    </a>
                    {" “"}
                    {r.citation.quote}” — {localized(r.reading, locale)}{" "}
                    {r.citation.clause === c.appliedClause ? (
                      <Tag color="blue">{t("evaluations.sourceConflicts.applied")}</Tag>
                    ) : null}
                  </li>
                ))}
              </ul>
              <Typography.Text>
                {t("evaluations.sourceConflicts.choice", { choice: localized(c.choice, locale) })}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      }
    />
  );
}
