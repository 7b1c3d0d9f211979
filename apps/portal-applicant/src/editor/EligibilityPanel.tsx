import { applicableFirst, type CheckResponse, type RuleOutcome } from "@kechuang/domain";
import { citationHref, DraftSourceNotice, InlineError, type Locale, localized } from "@kechuang/ui";
import { Alert, Card, List, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";

const outcomeColor: Record<RuleOutcome, string> = {
  pass: "success",
  fail: "error",
  "needs-information": "warning",
  // Grey: the rule does not govern these facts, so it is neither met nor unmet.
  "not-applicable": "default",
};

/** The module's eligibility rules on the facts as entered, each failure with its clause. */
export function EligibilityPanel({
  check,
  checking,
  error,
  invalidPaths,
  locale,
}: {
  check: CheckResponse | null;
  checking: boolean;
  error: unknown;
  invalidPaths: string[];
  locale: Locale;
}) {
  const { t } = useTranslation(applicantNamespace);
  return (
    <Card
      size="small"
      title={t("eligibility.title")}
      extra={checking ? <Spin size="small" /> : null}
      data-testid="eligibility"
    >
      {invalidPaths.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t("eligibility.invalidFacts", { paths: invalidPaths.join(", ") })}
        />
      ) : null}
      {error ? <InlineError error={error} /> : null}
      {check ? (
        <>
          <DraftSourceNotice status={check.sourceStatus} />
          <Tag color={outcomeColor[check.outcome]} data-testid="eligibility-outcome">
            {t(`eligibility.outcome.${check.outcome}`)}
          </Tag>
          <List
            size="small"
            dataSource={applicableFirst(check.results)}
            renderItem={(result) => (
              <List.Item
                key={result.ruleId}
                data-testid={`rule-${result.ruleId}`}
                data-outcome={result.outcome}
              >
                <div>
                  <Tag color={outcomeColor[result.outcome]}>{t(`eligibility.outcome.${result.outcome}`)}</Tag>
                  <Typography.Text type={result.outcome === "not-applicable" ? "secondary" : undefined}>
                    {localized(result.message, locale)}
                  </Typography.Text>{" "}
                  <a href={citationHref(result.citation)} target="_blank" rel="noreferrer">
                    {t("eligibility.clause", { clause: result.citation.clause })}
                  </a>
                </div>
              </List.Item>
            )}
          />
        </>
      ) : checking ? (
        <Typography.Text type="secondary">{t("eligibility.checking")}</Typography.Text>
      ) : null}
    </Card>
  );
}
