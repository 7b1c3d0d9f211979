import type { RouterOutputs } from "@kechuang/api";
import { type LocalizedText, organizationTypeLabels } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import { Card, Descriptions, Empty, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "../messages";
import { indicatorValue, type MemberLike, memberLabel, taskLabel } from "./profile";

type Platform = RouterOutputs["platforms"]["get"];
type Indicator = NonNullable<NonNullable<Platform["zone"]>["reported"]>["indicators"][number];

/** A page section: a card whose title is a real heading (level 4, under the page's level-3 title). */
export function Section({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} data-testid={testId} style={{ marginBottom: 16 }}>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {title}
          </Typography.Title>
        }
      >
        {children}
      </Card>
    </section>
  );
}

/** Names and organizations as a list a screen reader announces with its length. */
function MemberList({ members, testId, locale }: { members: MemberLike[]; testId: string; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  if (members.length === 0)
    return <Typography.Text type="secondary">{t("platformProfile.noMembers")}</Typography.Text>;
  return (
    <ul data-testid={testId} style={{ margin: 0, paddingInlineStart: 20 }}>
      {members.map((member, index) => (
        <li key={`${member.name}-${index}`} data-testid="governance-member">
          {memberLabel(member, locale)}
        </li>
      ))}
    </ul>
  );
}

/** Lead and co-build units, director, board and committee: names and organizations only. */
export function GovernanceSection({ platform, locale }: { platform: Platform; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const governance = platform.governance;
  const pick = (text: LocalizedText) => localized(text, locale);
  return (
    <Section title={t("platformProfile.governance")} testId="platform-governance">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("platformProfile.governanceHint")}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t("platformProfile.leadUnit")}>{platform.leadUnitName}</Descriptions.Item>
        {governance ? (
          <>
            <Descriptions.Item label={t("platformProfile.coBuildUnits")}>
              {governance.coBuildUnits.length === 0 ? (
                t("platformProfile.none")
              ) : (
                <ul data-testid="co-build-units" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {governance.coBuildUnits.map((unit, index) => (
                    <li key={`${unit.name}-${index}`}>
                      {unit.name}
                      {unit.type ? (
                        <Tag style={{ marginInlineStart: 8 }}>{pick(organizationTypeLabels[unit.type])}</Tag>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Descriptions.Item>
            {governance.director ? (
              <Descriptions.Item label={t("platformProfile.director")}>
                <span data-testid="governance-director">{memberLabel(governance.director, locale)}</span>
              </Descriptions.Item>
            ) : null}
            {/* A zone is run by its city bureau: no board to report unless the facts name one. */}
            {governance.board.length > 0 || platform.kind !== "transfer-demonstration-zone" ? (
              <Descriptions.Item label={t("platformProfile.board")}>
                <MemberList members={governance.board} testId="governance-board" locale={locale} />
              </Descriptions.Item>
            ) : null}
            {governance.committee ? (
              <Descriptions.Item label={t(`platformProfile.committee.${governance.committee.kind}`)}>
                {governance.committee.chair ? (
                  <div data-testid="governance-chair">
                    {t("platformProfile.chair")}：{memberLabel(governance.committee.chair, locale)}
                  </div>
                ) : null}
                <div>{t("platformProfile.members", { count: governance.committee.members.length })}</div>
                <MemberList
                  members={governance.committee.members}
                  testId="governance-committee"
                  locale={locale}
                />
              </Descriptions.Item>
            ) : null}
          </>
        ) : null}
      </Descriptions>
      {governance ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="no-governance">
          {t("platformProfile.noGovernance")}
        </Typography.Paragraph>
      )}
    </Section>
  );
}

/** A zone's tasks (the module's vocabulary, with clauses) and its latest reported indicators. */
export function ZoneSection({ zone, locale }: { zone: NonNullable<Platform["zone"]>; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const pick = (text: LocalizedText) => localized(text, locale);
  const number = (value: number | null) => indicatorValue(value, locale, t("platformProfile.noTarget"));
  return (
    <Section title={t("platformProfile.zone")} testId="platform-zone">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("platformProfile.tasks")}
      </Typography.Title>
      {zone.tasks.length === 0 ? (
        <Typography.Text type="secondary">{t("platformProfile.noTasks")}</Typography.Text>
      ) : (
        <ul data-testid="zone-tasks" style={{ paddingInlineStart: 20 }}>
          {zone.tasks.map((task) => (
            <li key={task.id}>{taskLabel(task, pick)}</li>
          ))}
        </ul>
      )}
      <Typography.Title level={3}>{t("platformProfile.indicators")}</Typography.Title>
      {zone.indicatorCount !== null ? (
        <Typography.Paragraph>
          {t("platformProfile.indicatorCount", { count: zone.indicatorCount })}
        </Typography.Paragraph>
      ) : null}
      {zone.reported ? (
        <Table<Indicator>
          data-testid="zone-indicators"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          rowKey={(row) => `${row.name}-${row.unit}`}
          caption={t("platformProfile.reportedYear", { year: zone.reported.yearCovered })}
          dataSource={zone.reported.indicators}
          columns={[
            { title: t("platformProfile.indicator"), dataIndex: "name" },
            { title: t("platformProfile.unit"), dataIndex: "unit" },
            { title: t("platformProfile.target"), align: "right", render: (_, row) => number(row.target) },
            { title: t("platformProfile.actual"), align: "right", render: (_, row) => number(row.actual) },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("platformProfile.noIndicators")} />
      )}
    </Section>
  );
}
