import { applicableFirst, type CheckResponse, type RuleOutcome } from "@kechuang/domain";
import { citationHref, DraftSourceNotice, type Locale, localized } from "@kechuang/ui";
import { Empty, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";

const outcomeColor: Record<RuleOutcome, string> = {
  pass: "green",
  fail: "red",
  "needs-information": "gold",
  // Grey: the rule does not govern these facts, so it is neither met nor unmet.
  "not-applicable": "default",
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
        dataSource={applicableFirst(eligibility.results)}
        renderItem={(result) => (
          <List.Item key={result.ruleId} data-rule-id={result.ruleId} data-outcome={result.outcome}>
            <Tag color={outcomeColor[result.outcome]}>{t(`detail.outcome.${result.outcome}`)}</Tag>
            <Typography.Text
              type={result.outcome === "not-applicable" ? "secondary" : undefined}
              style={{ flex: 1 }}
            >
              {localized(result.message, locale)}
            </Typography.Text>
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
