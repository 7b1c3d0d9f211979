import type { GovernanceMember, GovernanceState } from "@kechuang/domain";
import { Descriptions, Space, Table, type TableProps, Tag, Typography } from "antd";
import type { Locale } from "../portal";
import { type GovernanceMessages, governanceMessages } from "./messages";

/**
 * A platform's governance on one day: lead and co-build units, board, committee with its chair, director.
 * Used by the reviewer's platform page and by change previews (before / after), so it reads only the state.
 * `compact` drops the affiliation and expertise columns and shrinks the tables for side-by-side previews.
 */
export function GovernanceView({
  state,
  locale,
  compact = false,
}: {
  state: GovernanceState;
  locale: Locale;
  compact?: boolean;
}) {
  const m = governanceMessages[locale];
  const size = compact ? "small" : "middle";
  const director = state.director;
  return (
    <Space
      direction="vertical"
      size={compact ? "small" : "middle"}
      style={{ width: "100%" }}
      data-testid="governance-view"
    >
      <Descriptions column={1} size="small" bordered={!compact}>
        <Descriptions.Item label={m.leadUnit}>
          <span data-testid="governance-lead-unit">
            {state.leadUnit ? state.leadUnit.name : m.none}
            {state.leadUnit?.type ? (
              <Tag style={{ marginInlineStart: 8 }}>{m.organizationType[state.leadUnit.type]}</Tag>
            ) : null}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={m.coBuildUnits}>
          {state.coBuildUnits.length === 0
            ? m.none
            : state.coBuildUnits.map((u) => (
                <div key={u.name} data-testid="governance-co-build-unit">
                  {u.name} <Tag>{m.organizationType[u.type]}</Tag>
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={m.director}>
          {director ? (
            <span data-testid="governance-director">
              {director.name}
              {director.organization ? `（${director.organization}）` : ""}
              {director.fullTime !== undefined ? (
                <Tag style={{ marginInlineStart: 8 }}>{director.fullTime ? m.fullTime : m.partTime}</Tag>
              ) : null}
              {director.monthsPerYearAtCenter !== undefined ? (
                <Typography.Text type="secondary">
                  {m.monthsPerYear.replace("{{months}}", String(director.monthsPerYearAtCenter))}
                </Typography.Text>
              ) : null}
            </span>
          ) : (
            m.none
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m.board}
      </Typography.Title>
      <MemberTable
        members={state.board}
        m={m}
        compact={compact}
        size={size}
        testId="governance-board-member"
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {state.committee ? m.committeeKind[state.committee.kind] : m.committee}
      </Typography.Title>
      {state.committee ? (
        <>
          <div data-testid="governance-chair">
            <Typography.Text strong>{m.chair}：</Typography.Text>
            {state.committee.chair
              ? `${state.committee.chair.name}${state.committee.chair.organization ? `（${state.committee.chair.organization}）` : ""}`
              : m.none}
          </div>
          <MemberTable
            members={state.committee.members}
            m={m}
            compact={compact}
            size={size}
            testId="governance-committee-member"
          />
        </>
      ) : (
        <Typography.Text type="secondary">{m.none}</Typography.Text>
      )}
    </Space>
  );
}

function MemberTable({
  members,
  m,
  compact,
  size,
  testId,
}: {
  members: readonly GovernanceMember[];
  m: GovernanceMessages;
  compact: boolean;
  size: "small" | "middle";
  testId: string;
}) {
  const columns: TableProps<GovernanceMember>["columns"] = [
    {
      title: m.name,
      key: "name",
      render: (_, r) => (
        <>
          {r.name}
          {r.isDirector ? <Tag style={{ marginInlineStart: 8 }}>{m.isDirector}</Tag> : null}
        </>
      ),
    },
    { title: m.organization, key: "organization", render: (_, r) => r.organization ?? "—" },
    ...(compact
      ? []
      : [
          {
            title: m.affiliation,
            key: "affiliation",
            render: (_: unknown, r: GovernanceMember) => m.affiliationOption[r.affiliation],
          },
          {
            title: m.expertise,
            key: "expertise",
            render: (_: unknown, r: GovernanceMember) => (r.expertise ? m.expertiseOption[r.expertise] : "—"),
          },
        ]),
  ];
  return (
    <Table<GovernanceMember>
      size={size}
      columns={columns}
      dataSource={members.map((r, i) => ({ ...r, key: `${i}-${r.name}` }))}
      pagination={false}
      onRow={() => ({ "data-testid": testId }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: m.noMembers }}
    />
  );
}
