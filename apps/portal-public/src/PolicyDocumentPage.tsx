import type { RouterOutputs } from "@kechuang/api";
import type { PolicySetting } from "@kechuang/domain";
import {
  citationHref,
  clauseElementId,
  clauseIdFromHash,
  ErrorState,
  formatDate,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, List, Result, Row, Space, Spin, Tag, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { clauseDepth } from "./clauses";
import { publicNamespace } from "./messages";
import { StatusBadge } from "./PolicyBadges";
import { portalPath } from "./paths";
import { settingsOf } from "./settings";
import { TargetsLink } from "./targets/TargetsPage";

type PolicyDetail = RouterOutputs["policies"]["get"];
type Clause = PolicyDetail["source"]["clauses"][number];
type Rule = PolicyDetail["rules"][number];

/** One source document, clause by clause; `#clause-<id>` scrolls to a clause and highlights it. */
export function PolicyDocumentPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { policyId = "" } = useParams();
  const { hash } = useLocation();
  const policy = useQuery(trpc.policies.get.queryOptions({ policyId }));
  const target = clauseIdFromHash(hash);
  const back = () => navigate(portalPath(basePath, "policies"));

  // The browser's own anchor jump happens before the text has loaded, so scroll once it is there.
  useEffect(() => {
    if (!target || !policy.data) return;
    document.getElementById(clauseElementId(target))?.scrollIntoView({ block: "center" });
  }, [target, policy.data]);

  if (policy.isPending) return <Spin size="large" style={{ display: "block", margin: 48 }} />;
  if (policy.isError) {
    return describeNotFound(policy.error) ? (
      <Result
        status="404"
        title={t("document.notFoundTitle")}
        subTitle={policyId}
        extra={
          <Button type="primary" onClick={back}>
            {t("document.back")}
          </Button>
        }
      />
    ) : (
      <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
    );
  }

  const { summary, source, rules } = policy.data;
  return (
    <div>
      <PageHeader
        title={source.title}
        subtitle={
          <Space wrap size="small">
            <StatusBadge status={source.status} />
            <span>{localized(summary.jurisdictionName, locale)}</span>
            <span>{source.issuer}</span>
            {source.documentNumber ? <span>{source.documentNumber}</span> : null}
            <span>{formatDate(source.date, locale)}</span>
            {source.publishedOn ? (
              <span>{t("document.publishedOn", { date: formatDate(source.publishedOn, locale) })}</span>
            ) : null}
            {source.validYears ? <span>{t("document.validYears", source.validYears)}</span> : null}
          </Space>
        }
        extra={<Button onClick={back}>{t("document.back")}</Button>}
      />
      {source.status === "draft" ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("document.draftNotice")}
          description={
            source.commentPeriod
              ? t("document.commentPeriod", {
                  from: formatDate(source.commentPeriod.from, locale),
                  to: formatDate(source.commentPeriod.to, locale),
                })
              : undefined
          }
        />
      ) : null}
      <TargetsLink basePath={basePath} policyId={summary.id} />
      {policy.data.localSetting ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="local-setting"
          title={t("document.localSetting")}
          description={localized(policy.data.localSetting, locale)}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={t("document.clauses")}
            extra={t("document.clauseCount", { count: source.clauses.length })}
          >
            {source.clauses.map((clause) => (
              <ClauseBlock
                key={clause.id}
                clause={clause}
                policyId={source.id}
                highlighted={clause.id === target}
                highlightLabel={t("document.highlighted")}
                copyLabel={t("document.copyLink")}
              />
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <div style={{ position: "sticky", top: 16 }}>
            <RulesCard rules={rules} locale={locale} />
            <LocalSettingsCard settings={settingsOf(policy.data)} rules={rules} locale={locale} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t("document.localSettingsNote")}
            </Typography.Paragraph>
          </div>
        </Col>
      </Row>
    </div>
  );
}

const describeNotFound = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  "data" in error &&
  (error as { data?: { code?: unknown } }).data?.code === "NOT_FOUND";

function ClauseBlock({
  clause,
  policyId,
  highlighted,
  highlightLabel,
  copyLabel,
}: {
  clause: Clause;
  policyId: string;
  highlighted: boolean;
  highlightLabel: string;
  copyLabel: string;
}) {
  const depth = clauseDepth(clause.id);
  const href = citationHref({ source: policyId, clause: clause.id });
  return (
    <section
      id={clauseElementId(clause.id)}
      data-clause={clause.id}
      data-highlighted={highlighted ? "true" : undefined}
      aria-current={highlighted ? "location" : undefined}
      style={{
        marginLeft: depth * 16,
        padding: "8px 12px",
        borderRadius: 6,
        scrollMarginTop: 80,
        background: highlighted ? "#fff7e6" : undefined,
        boxShadow: highlighted ? "inset 3px 0 0 #fa8c16" : undefined,
        transition: "background 0.3s",
      }}
    >
      <Space size="small" align="baseline" wrap>
        <Typography.Text strong style={{ fontSize: depth === 0 ? 16 : 14 }}>
          {clause.heading}
        </Typography.Text>
        <Link to={href} title={copyLabel} style={{ fontSize: 12, color: "#595959" }}>
          #{clause.id}
        </Link>
        {highlighted ? <Tag color="orange">{highlightLabel}</Tag> : null}
      </Space>
      {clause.text ? (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>
          {clause.text}
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}

function RulesCard({ rules, locale }: { rules: Rule[]; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  return (
    <Card size="small" title={t("document.rules")} extra={rules.length}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("document.rulesHint")}
      </Typography.Paragraph>
      {rules.length === 0 ? (
        <Empty description={`${t("document.noRulesTitle")} ${t("document.noRulesHint")}`} />
      ) : (
        <List<Rule>
          size="small"
          dataSource={rules}
          style={{ maxHeight: "70vh", overflowY: "auto" }}
          renderItem={(rule) => (
            <List.Item key={rule.id} data-rule-id={rule.id}>
              <Space orientation="vertical" size={2} style={{ width: "100%" }}>
                <Typography.Text>{localized(rule.title, locale)}</Typography.Text>
                <Space size="small" wrap>
                  <Link to={citationHref(rule.citation)} data-testid={`citation-${rule.id}`}>
                    {t("document.clauseLink", { clause: rule.citation.clause })}
                  </Link>
                  <Tag>{t(`document.implementedBy.${rule.implementedBy}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rule.id}
                  </Typography.Text>
                </Space>
                <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
                  “{rule.citation.quote}”
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Values the source does not give: shown apart from the clauses and labelled as local settings. */
function LocalSettingsCard({
  settings,
  rules,
  locale,
}: {
  settings: PolicySetting[];
  rules: Rule[];
  locale: Locale;
}) {
  const { t } = useTranslation(publicNamespace);
  if (settings.length === 0) return null;
  return (
    <Card
      size="small"
      title={t("document.localSettings")}
      style={{ marginTop: 16 }}
      data-testid="local-settings"
    >
      <List<PolicySetting>
        size="small"
        dataSource={settings}
        renderItem={(setting) => {
          const rule = rules.find((candidate) => candidate.id === setting.relatesTo);
          return (
            <List.Item key={setting.key}>
              <Space orientation="vertical" size={0}>
                <Space size="small" wrap>
                  <Typography.Text>{localized(setting.label, locale)}</Typography.Text>
                  <Typography.Text strong>{setting.value}</Typography.Text>
                  <Tag color="purple">{t("document.localSettingTag")}</Tag>
                </Space>
                {rule ? (
                  <Link to={citationHref(rule.citation)} style={{ fontSize: 12 }}>
                    {t("document.relatesTo", { rule: localized(rule.title, locale) })}
                  </Link>
                ) : null}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
