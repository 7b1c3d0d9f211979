import type { CheckResponse, RuleOutcome } from "@kechuang/domain";
import { citationHref, DraftSourceNotice, type Locale, localized } from "@kechuang/ui";
import { Empty, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";

const outcomeColor: Record<RuleOutcome, string> = {
  pass: "green",
  fail: "red",
  "needs-information": "gold",
};

/** The module's eligibility rules on the stored facts, each linked to its clause in the policy library. */
export function EligibilityView({
  eligibility,
  locale,
}: {
  eligibility: CheckResponse | null;
  locale: Locale;
}) {
  const { t } = useTranslation(reviewerNamespace);
  if (!eligibility || eligibility.results.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.eligibilityEmpty")} />;
  }
  return (
    <>
      <DraftSourceNotice status={eligibility.sourceStatus} />
      <List
        size="small"
        dataSource={eligibility.results}
        renderItem={(result) => (
          <List.Item key={result.ruleId}>
            <Tag color={outcomeColor[result.outcome]}>{t(`detail.outcome.${result.outcome}`)}</Tag>
            <span style={{ flex: 1 }}>{localized(result.message, locale)}</span>
            <Typography.Link
              href={citationHref(result.citation)}
              target="_blank"
              title={result.citation.quote}
            >
              {result.citation.clause}
            </Typography.Link>
          </List.Item>
        )}
      />
    </>
  );
}
