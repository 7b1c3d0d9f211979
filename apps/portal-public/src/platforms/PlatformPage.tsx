import type { RouterOutputs } from "@kechuang/api";
import type { Citation, LocalizedText } from "@kechuang/domain";
import {
  citationHref,
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Result, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { publicNamespace } from "../messages";
import { policyPath, portalPath } from "../paths";
import { fieldLabels } from "../platforms";
import { type TagTone, tagTone } from "../readableTag";
import { ExperiencesSection } from "./ExperiencesSection";
import { GovernanceSection, Section, ZoneSection } from "./ProfileSections";
import { clauseOf, eventColor, eventParams, groundsText, isRevoked } from "./timeline";

type Platform = RouterOutputs["platforms"]["get"];

/** Every stored status has a colour: a cultivation-pool entry (Anshun) is not an approved platform. */
const statusTone: Record<Platform["status"], TagTone> = {
  active: "green",
  rectifying: "orange",
  delisted: "red",
  cultivating: "blue",
};

/** One platform's public page: its register entry, its revocation if any, and its public events. */
export function PlatformPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { platformId = "" } = useParams();
  const platform = useQuery({ ...trpc.platforms.get.queryOptions({ platformId }), retry: false });
  // The policy's title, not its id: people read "湖南省技术创新中心建设实施方案".
  const policies = useQuery(trpc.policies.list.queryOptions());
  const policyTitle = (policyId: string) =>
    policies.data?.find((policy) => policy.id === policyId)?.title ?? policyId;
  const back = () => navigate(portalPath(basePath));

  if (platform.isPending) return <Spin size="large" style={{ display: "block", margin: 48 }} />;
  if (platform.isError)
    return isNotFound(platform.error) ? (
      <Result
        status="404"
        title={t("platformPage.notFoundTitle")}
        subTitle={t("platformPage.notFoundHint")}
        data-testid="platform-not-found"
        extra={
          <Button type="primary" onClick={back}>
            {t("platformPage.back")}
          </Button>
        }
      />
    ) : (
      <ErrorState error={platform.error} onRetry={() => void platform.refetch()} />
    );

  const data = platform.data;
  const pick = (text: LocalizedText) => localized(text, locale);
  const date = (iso: string) => formatDate(iso, locale);
  return (
    <div data-testid="platform-page">
      <PageHeader
        title={data.name}
        subtitle={
          <Space wrap size="small">
            <Tag
              style={tagTone(statusTone[data.status])}
              data-testid="platform-status"
              data-status={data.status}
            >
              {t(`platformPage.status.${data.status}`)}
            </Tag>
            <Tag>{t(`common:kind.${data.kind}`)}</Tag>
            <span>{pick(data.jurisdiction.name)}</span>
          </Space>
        }
        extra={<Button onClick={back}>{t("platformPage.back")}</Button>}
      />
      {isRevoked(data) && data.revocation ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="platform-revoked"
          title={t("platformPage.revokedNotice", { date: data.revokedOn ? date(data.revokedOn) : "—" })}
          description={
            <Space wrap size="small">
              {data.revocation.grounds.length > 0 ? (
                <span>
                  {t("platformPage.revokedGrounds", { grounds: groundsText(data.revocation.grounds, pick) })}
                </span>
              ) : null}
              <ClauseLink citation={clauseOf(data.revocation.rule)} testId="platform-revoked-clause" />
            </Space>
          }
        />
      ) : null}
      <Section title={t("platformPage.details")} testId="platform-details">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("column.jurisdiction")}>
            {pick(data.jurisdiction.name)}
          </Descriptions.Item>
          <Descriptions.Item label={t("column.kind")}>{t(`common:kind.${data.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t("column.leadUnit")}>{data.leadUnitName}</Descriptions.Item>
          <Descriptions.Item label={t("column.fields")}>
            {fieldLabels(data.fields, pick).map((field) => (
              <Tag key={field}>{field}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t("platformPage.approvedUnder")}>
            <Link to={policyPath(basePath, data.policyId)}>{policyTitle(data.policyId)}</Link>
          </Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title={t("platformProfile.decision")} testId="platform-decision">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t("platformProfile.decisionLabel")}>
            {/* A cultivation-pool entry (Anshun) is recorded, not designated. */}
            {t(
              data.status === "cultivating"
                ? "platformProfile.poolEntryText"
                : "platformProfile.decisionText",
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("column.approvedOn")}>
            <span data-testid="platform-approved-on">{date(data.approvedOn)}</span>
          </Descriptions.Item>
          {data.approvalRule?.citation ? (
            <Descriptions.Item label={t("platformProfile.clauseLabel")}>
              <ClauseLink citation={clauseOf(data.approvalRule)} testId="platform-approval-clause" />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Section>
      <GovernanceSection platform={data} locale={locale} />
      {data.zone ? <ZoneSection zone={data.zone} locale={locale} /> : null}
      {data.kind === "transfer-demonstration-zone" ? (
        <ExperiencesSection platformId={data.id} locale={locale} onBrowse={back} />
      ) : null}
      <Section title={t("platformPage.timeline")} testId="platform-timeline-section">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("platformPage.timelineHint")}
        </Typography.Paragraph>
        {data.timeline.length === 0 ? (
          <EmptyState
            title={t("platformPage.timeline")}
            description={t("platformPage.emptyTimeline")}
            next={{ label: t("platformPage.back"), onClick: back }}
          />
        ) : (
          <div data-testid="platform-timeline">
            <Timeline
              items={data.timeline.map((event, index) => ({
                key: `${event.kind}-${event.occurredOn}-${index}`,
                color: eventColor(event),
                title: date(event.occurredOn),
                content: (
                  <Space
                    orientation="vertical"
                    size={0}
                    data-testid={`timeline-event-${event.kind}`}
                    data-occurred-on={event.occurredOn}
                  >
                    <Typography.Text>
                      {t(`platformPage.event.${event.kind}`, eventParams(event, pick, date))}
                      {event.outcome ? t(`platformPage.outcome.${event.outcome}`) : null}
                    </Typography.Text>
                    <ClauseLink citation={clauseOf(event.rule)} />
                  </Space>
                ),
              }))}
            />
          </div>
        )}
      </Section>
    </div>
  );
}

/** "条款 三(六)3", linking to the clause in the policy library; nothing when the module knows no clause. */
function ClauseLink({ citation, testId }: { citation: Citation | null; testId?: string }) {
  const { t } = useTranslation(publicNamespace);
  if (!citation) return null;
  return (
    <Link to={citationHref(citation)} data-testid={testId} style={{ fontSize: 12 }}>
      {t("platformPage.clause", { clause: citation.clause })}
    </Link>
  );
}

const isNotFound = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  "data" in error &&
  (error as { data?: { code?: unknown } }).data?.code === "NOT_FOUND";

export type { Platform as PublicPlatformView };
