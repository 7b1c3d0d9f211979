import type { SessionUser } from "@kechuang/domain";
import { ErrorState, type Locale, localized, PageHeader, StageTag, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Descriptions, Empty, Row, Spin, Tabs, Tag } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { reviewerNamespace } from "../messages";
import type { ApplicationDetail } from "../workflow/api";
import { ActionsPanel } from "./ActionsPanel";
import { AttachmentsList } from "./AttachmentsList";
import { EligibilityView } from "./EligibilityView";
import { HistoryTimeline } from "./HistoryTimeline";
import { OpinionCard, OpinionsList } from "./OpinionCard";
import { PanelCard } from "./PanelCard";
import { PlanView } from "./PlanView";
import { PublicityCard } from "./PublicityCard";
import { SiteVisitCard } from "./SiteVisitCard";
import { useApplicationDetail, useReloadAll } from "./useDetail";
import { VersionsTab } from "./VersionsTab";

const reachedPublicity = (d: ApplicationDetail) =>
  d.stage === "publicity" || d.history.some((h) => h.to === "publicity");
/**
 * A site visit is asked for wherever a step out of this stage needs one recorded: Hunan's 现场考察, and
 * Inner Mongolia's 实地考察 and its later 实地评估 (on-site-evaluation, whose step is open-publicity).
 */
const asksForSiteVisit = (d: ApplicationDetail) =>
  d.stage === "site-visit" ||
  d.availableActions.some(
    (a) => a.action === "record-site-visit" || (a.guards ?? []).includes("site-visit-recorded"),
  );

/** One application for a reviewer: what they may do now, their role's panel, then the file itself. */
export function ApplicationPage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const { id = "" } = useParams();
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const navigate = useNavigate();
  const detail = useApplicationDetail(id);
  const reload = useReloadAll();
  const actionsRef = useRef<HTMLDivElement>(null);
  const publicityRef = useRef<HTMLDivElement>(null);
  const trpc = useTRPC();
  const policies = useQuery(trpc.policies.list.queryOptions());
  const toQueue = () => navigate("..", { relative: "path" });
  const back = (
    <Button onClick={toQueue} data-testid="back-to-queue">
      {t("backToQueue")}
    </Button>
  );

  if (detail.isPending) {
    return (
      <Spin description={t("detail.loading")} size="large">
        <div style={{ minHeight: 240 }} />
      </Spin>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title={t("title")} extra={back} />
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const d = detail.data;
  const policyTitle = policies.data?.find((p) => p.id === d.policyId)?.title ?? d.policyId;
  const { role } = user;
  const card = { style: { marginBottom: 16 } };

  return (
    <div data-testid="application-detail" data-stage={d.stage} data-version={d.version}>
      <PageHeader
        title={d.title}
        subtitle={<StageTag stage={d.stage} name={localized(d.stageName, locale)} />}
        extra={back}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: "org", label: t("detail.organization"), children: d.organizationName || "—" },
          { key: "policy", label: t("detail.policy"), children: policyTitle },
          {
            key: "kind",
            label: t("detail.version"),
            children: `${t(`common:kind.${d.kind}`, { defaultValue: d.kind })} · v${d.version}`,
          },
        ]}
      />
      {d.decision ? (
        <Card title={t("detail.decision")} {...card} data-testid="decision">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: "outcome",
                label: t("detail.decision"),
                children: (
                  <Tag
                    color={d.decision.outcome === "approved" ? "green" : "red"}
                    data-testid="decision-outcome"
                    data-outcome={d.decision.outcome}
                  >
                    {t(
                      d.decision.outcome === "approved"
                        ? "detail.decisionApproved"
                        : "detail.decisionRejected",
                    )}
                  </Tag>
                ),
              },
              ...(d.decision.designatedName
                ? [
                    {
                      key: "name",
                      label: t("detail.designatedName"),
                      children: <strong data-testid="decision-name">{d.decision.designatedName}</strong>,
                    },
                  ]
                : []),
              { key: "on", label: t("detail.decidedOn"), children: d.decision.decidedOn },
            ]}
          />
        </Card>
      ) : null}
      {/* Experts never move an application: their work is the opinion below, so no empty actions card. */}
      <div ref={actionsRef} hidden={role === "expert" && d.availableActions.length === 0}>
        <Card title={t("actions.title")} {...card}>
          <ActionsPanel
            detail={d}
            locale={locale}
            onChanged={reload}
            onBack={toQueue}
            onShowObjections={() => publicityRef.current?.scrollIntoView({ behavior: "smooth" })}
          />
        </Card>
      </div>
      {/* Panels are formed before publicity; by then the panel is history. */}
      {role === "authority" && !d.terminal && d.stage !== "publicity" ? (
        <Card title={t("panel.title")} {...card}>
          <PanelCard applicationId={d.id} locale={locale} onChanged={reload} />
        </Card>
      ) : null}
      {role === "authority" && !d.terminal && asksForSiteVisit(d) ? (
        <Card title={t("siteVisit.title")} {...card}>
          <SiteVisitCard applicationId={d.id} locale={locale} self={user} onChanged={reload} />
        </Card>
      ) : null}
      {role === "authority" && reachedPublicity(d) ? (
        <div ref={publicityRef}>
          <Card title={t("publicity.title")} {...card}>
            <PublicityCard applicationId={d.id} locale={locale} onChanged={reload} />
          </Card>
        </div>
      ) : null}
      {role === "expert" ? (
        <Card title={t("opinion.title")} {...card}>
          <OpinionCard detail={d} locale={locale} onChanged={reload} />
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card>
            <Tabs
              items={[
                {
                  key: "plan",
                  label: t("detail.plan"),
                  children: (
                    <PlanView
                      outline={d.outline}
                      plan={d.plan}
                      completeness={d.completeness}
                      locale={locale}
                    />
                  ),
                },
                {
                  key: "facts",
                  label: t("detail.facts"),
                  children: d.facts ? (
                    <EligibilityView eligibility={d.eligibility} locale={locale} />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.factsEmpty")} />
                  ),
                },
                ...(role === "expert"
                  ? []
                  : [
                      {
                        key: "opinions",
                        label: t("opinion.list"),
                        children: <OpinionsList detail={d} locale={locale} />,
                      },
                    ]),
                {
                  key: "versions",
                  label: t("versions.tab"),
                  children: <VersionsTab applicationId={d.id} locale={locale} />,
                },
                {
                  key: "attachments",
                  label: t("detail.attachments"),
                  children: (
                    <AttachmentsList
                      target={{ applicationId: d.id }}
                      locale={locale}
                      onReturnHint={() => actionsRef.current?.scrollIntoView({ behavior: "smooth" })}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t("detail.history")}>
            <HistoryTimeline detail={d} locale={locale} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
