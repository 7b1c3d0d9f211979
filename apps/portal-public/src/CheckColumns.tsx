import {
  CheckCircleFilled,
  CloseCircleFilled,
  MinusCircleFilled,
  QuestionCircleFilled,
} from "@ant-design/icons";
import type { RouterOutputs } from "@kechuang/api";
import { applicableFirst, countOutcomes, type PolicySummary, type RuleOutcome } from "@kechuang/domain";
import { citationHref, InlineError, type Locale, localized } from "@kechuang/ui";
import { Card, Empty, Flex, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "./messages";
import { StatusBadge } from "./PolicyBadges";

type CheckResponse = RouterOutputs["policies"]["check"];

/** One jurisdiction's answer: its results, or the error that kept it from answering. */
export type PolicyCheck =
  | { policy: PolicySummary; ok: true; response: CheckResponse }
  | { policy: PolicySummary; ok: false; error: unknown };

const outcomeColor: Record<RuleOutcome, string> = {
  pass: "success",
  fail: "error",
  "needs-information": "warning",
  // Grey: the rule does not govern these facts, so it is neither met nor unmet.
  "not-applicable": "default",
};

function OutcomeIcon({ outcome }: { outcome: RuleOutcome }) {
  if (outcome === "pass") return <CheckCircleFilled style={{ color: "#52c41a" }} />;
  if (outcome === "fail") return <CloseCircleFilled style={{ color: "#ff4d4f" }} />;
  if (outcome === "not-applicable") return <MinusCircleFilled style={{ color: "#bfbfbf" }} />;
  return <QuestionCircleFilled style={{ color: "#faad14" }} />;
}

/** The jurisdictions side by side: one column each, the overall outcome first, then every rule. */
export function CheckColumns({ checks, locale }: { checks: PolicyCheck[]; locale: Locale }) {
  return (
    <Flex
      className="kc-check-columns"
      gap="middle"
      align="stretch"
      style={{ overflowX: "auto", paddingBottom: 8 }}
    >
      {checks.map((check) => (
        <CheckColumn key={check.policy.id} check={check} locale={locale} />
      ))}
    </Flex>
  );
}

function CheckColumn({ check, locale }: { check: PolicyCheck; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const { policy } = check;
  const tally = check.ok ? countOutcomes(check.response.results) : null;
  const counts = tally
    ? { pass: tally.pass, fail: tally.fail, info: tally["needs-information"], na: tally["not-applicable"] }
    : null;
  return (
    <Card
      size="small"
      data-testid={`check-${policy.id}`}
      data-outcome={check.ok ? check.response.outcome : "error"}
      style={{ flex: "1 0 320px", maxWidth: 480 }}
      title={
        <Space orientation="vertical" size={0} style={{ padding: "6px 0" }}>
          <Typography.Text strong>{localized(policy.jurisdictionName, locale)}</Typography.Text>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, whiteSpace: "normal", fontWeight: "normal" }}
          >
            {policy.title}
          </Typography.Text>
          <Space size={4} wrap>
            <StatusBadge status={policy.status} />
            {check.ok ? (
              <Tag color={outcomeColor[check.response.outcome]} data-testid="overall-outcome">
                {t(`selfCheck.outcome.${check.response.outcome}`)}
              </Tag>
            ) : null}
          </Space>
        </Space>
      }
    >
      {!check.ok ? (
        <InlineError error={check.error} />
      ) : check.response.results.length === 0 ? (
        <Empty description={t("selfCheck.noRules")} />
      ) : (
        <>
          {counts ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("selfCheck.summary", counts)}
            </Typography.Text>
          ) : null}
          <List
            size="small"
            dataSource={applicableFirst(check.response.results)}
            renderItem={(result) => (
              <List.Item key={result.ruleId} data-rule-id={result.ruleId} data-outcome={result.outcome}>
                <Flex gap="small" align="flex-start">
                  <span
                    role="img"
                    aria-label={t(`selfCheck.outcome.${result.outcome}`)}
                    style={{ paddingTop: 2 }}
                  >
                    <OutcomeIcon outcome={result.outcome} />
                  </span>
                  <div>
                    <div>
                      <Typography.Text type={result.outcome === "not-applicable" ? "secondary" : undefined}>
                        {localized(result.message, locale)}
                      </Typography.Text>
                    </div>
                    <Space size="small" wrap>
                      <Link to={citationHref(result.citation)} data-testid={`clause-link-${result.ruleId}`}>
                        {t("document.clauseLink", { clause: result.citation.clause })}
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {result.ruleId}
                      </Typography.Text>
                    </Space>
                  </div>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
