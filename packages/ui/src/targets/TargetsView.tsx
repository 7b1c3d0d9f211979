import type { LocalizedText, TargetRow, TargetsReport } from "@kechuang/domain";
import { Card, Col, Row, Select, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { EChart, type EChartOption } from "../charts/EChart";
import { formatDate, localized } from "../format";
import type { Locale } from "../portal";
import { fill, targetsViewMessages } from "./messages";

/**
 * Target against actual (Anshun's 附件, issue 11), for the reviewer dashboard and the public page: per type for a
 * chosen year and totals by year, each chart with its table twin; stated vs computed growth; the types behind;
 * the open-data downloads. Reads only the report (domain targetsReport), so both portals show the same figures.
 */
export function TargetsView({
  report,
  locale,
  downloadBase,
}: {
  report: TargetsReport;
  locale: Locale;
  /** The open-data route: `${downloadBase}.csv` and `.xlsx` are the rows as files. */
  downloadBase: string;
}) {
  const m = targetsViewMessages[locale];
  const years = useMemo(() => [...new Set(report.rows.map((r) => r.year))], [report]);
  // The latest year that has begun (what behindTypes speaks of), else the last one.
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(() => [...years].reverse().find((y) => y <= thisYear) ?? years.at(-1)!);
  const ofYear = report.rows.filter((r) => r.year === year);
  const byTypeTitle = fill(m.byType, { year });
  const latest = [...years].reverse().find((y) => y <= thisYear) ?? years.at(-1)!;

  const byType = useMemo(
    () => groupedBars(ofYear, locale, m.target, m.actual, byTypeTitle),
    [ofYear, locale, m, byTypeTitle],
  );
  const byYear = useMemo(() => totalsLines(report, m.target, m.actual, m.byYear), [report, m]);
  const status = (r: TargetRow) =>
    r.behind ? (
      <Tag color="red">{m.behind}</Tag>
    ) : r.year > thisYear ? (
      <Tag>{m.notBegun}</Tag>
    ) : (
      <Tag color="green">{m.met}</Tag>
    );
  const typeName = (r: { typeName: LocalizedText }) => localized(r.typeName, locale);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="targets-view">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {m.countedTiers}
      </Typography.Paragraph>
      <Space wrap>
        <Typography.Text strong>{m.downloads}</Typography.Text>
        <a href={`${downloadBase}.csv`} download data-testid="targets-download-csv">
          {m.csv}
        </a>
        <a href={`${downloadBase}.xlsx`} download data-testid="targets-download-xlsx">
          {m.xlsx}
        </a>
      </Space>

      <BehindSummary report={report} year={latest} locale={locale} />

      <ChartCard
        id="by-type"
        title={byTypeTitle}
        option={byType}
        locale={locale}
        height={320}
        extra={
          <Select
            aria-label={m.yearSelect}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
            data-testid="targets-year"
          />
        }
        headers={[m.type, m.target, m.actual, m.status]}
        rows={ofYear.map((r) => ({
          key: r.type,
          cells: [typeName(r), r.target, r.actual, status(r)],
        }))}
      />

      <ChartCard
        id="by-year"
        title={m.byYear}
        option={byYear}
        locale={locale}
        height={280}
        headers={[m.year, m.target, m.actual]}
        rows={report.totals.map((t) => ({ key: String(t.year), cells: [t.year, t.target, t.actual] }))}
      />

      <Card size="small" title={m.growth} data-testid="targets-growth">
        <Typography.Paragraph type="secondary">
          {fill(m.growthHint, { base: report.baseYear, last: years.at(-1)! })}
        </Typography.Paragraph>
        <ScrollRegion label={m.growth}>
          <Table
            size="small"
            pagination={false}
            rowKey="type"
            dataSource={report.rows.filter((r) => r.year === latest)}
            columns={[
              { title: m.type, render: (_, r) => typeName(r) },
              { title: m.stated, dataIndex: "statedGrowthPct", render: (v: number) => `${v}%` },
              {
                title: m.computed,
                render: (_, r) => (
                  <span data-testid={`targets-computed-${r.type}`}>
                    {r.computedGrowthPct === null ? "—" : `${r.computedGrowthPct}%`}
                    {r.computedGrowthPct !== null && Math.round(r.computedGrowthPct) !== r.statedGrowthPct ? (
                      <Tag color="orange" style={{ marginInlineStart: 8 }}>
                        {m.differs}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              { title: m.responsible, render: (_, r) => r.responsible.join("、") },
              { title: m.status, render: (_, r) => status(r) },
            ]}
          />
        </ScrollRegion>
      </Card>
    </Space>
  );
}

function BehindSummary({ report, year, locale }: { report: TargetsReport; year: number; locale: Locale }) {
  const m = targetsViewMessages[locale];
  const behind = report.rows.filter((r) => r.year === year && report.behindTypes.includes(r.type));
  if (behind.length === 0)
    return <Typography.Text type="success">{fill(m.noneBehind, { year })}</Typography.Text>;
  return (
    <Space wrap data-testid="targets-behind">
      <Typography.Text strong>{fill(m.behindTypes, { year })}</Typography.Text>
      {behind.map((r) => (
        // A long English type name wraps inside its tag rather than widening a phone's page.
        <Tag color="red" key={r.type} style={{ whiteSpace: "normal" }}>
          {localized(r.typeName, locale)} {r.actual}/{r.target}
        </Tag>
      ))}
    </Space>
  );
}

/** A chart and its table twin: the same numbers drawn and written (the table is what screen readers get). */
function ChartCard({
  id,
  title,
  option,
  locale,
  height,
  extra,
  headers,
  rows,
}: {
  id: string;
  title: string;
  option: EChartOption;
  locale: Locale;
  height: number;
  extra?: ReactNode;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const m = targetsViewMessages[locale];
  const headingId = `targets-${id}-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={`targets-${id}`}>
      <Card
        size="small"
        title={
          <Typography.Title level={2} id={headingId} style={{ margin: 0, fontSize: 16 }}>
            {title}
          </Typography.Title>
        }
        extra={extra}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <EChart
              option={option}
              height={height}
              locale={locale === "en" ? "EN" : "ZH"}
              ariaLabel={fill(m.chartLabel, { title })}
              data-testid={`targets-chart-${id}`}
            />
          </Col>
          <Col xs={24} lg={10}>
            <table data-testid={`targets-table-${id}`} style={tableStyle}>
              <caption style={captionStyle}>{fill(m.tableCaption, { title })}</caption>
              <thead>
                <tr>
                  {headers.map((h, i) => (
                    <th key={h} scope="col" style={{ ...cellStyle, textAlign: i === 0 ? "left" : "right" }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <th key="0" scope="row" style={{ ...cellStyle, fontWeight: "normal" }}>
                          {cell}
                        </th>
                      ) : (
                        <td
                          key={headers[i]}
                          style={{ ...cellStyle, textAlign: "right" }}
                          data-column={headers[i]}
                        >
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </Col>
        </Row>
      </Card>
    </section>
  );
}

/** Target and actual side by side per type; the spoken description lists the same numbers as the table. */
function groupedBars(
  rows: readonly TargetRow[],
  locale: Locale,
  target: string,
  actual: string,
  title: string,
): EChartOption {
  const names = rows.map((r) => localized(r.typeName, locale));
  const [colon, comma] = locale === "en" ? [": ", "; "] : ["：", "；"];
  const description = `${title}${colon}${rows
    .map((r, i) => `${names[i]} ${target} ${r.target} ${actual} ${r.actual}`)
    .join(comma)}`;
  return {
    aria: { enabled: true, label: { description } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 3 ? 30 : 0 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { type: "bar", name: target, data: rows.map((r) => r.target), label: { show: true, position: "top" } },
      {
        type: "bar",
        name: actual,
        data: rows.map((r) => r.actual),
        label: { show: true, position: "top" },
      },
    ],
  } as EChartOption;
}

function totalsLines(report: TargetsReport, target: string, actual: string, title: string): EChartOption {
  const description = `${title}: ${report.totals.map((t) => `${t.year} ${t.target}/${t.actual}`).join(", ")}`;
  return {
    aria: { enabled: true, label: { description } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    xAxis: { type: "category", data: report.totals.map((t) => String(t.year)) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { type: "line", name: target, data: report.totals.map((t) => t.target), label: { show: true } },
      { type: "line", name: actual, data: report.totals.map((t) => t.actual), label: { show: true } },
    ],
  } as EChartOption;
}

/** What a joint meeting's seat shows: the module's title, the current member's name and department only. */
export interface JointMeetingSeatView {
  id: string;
  title: LocalizedText;
  member: { name: string; department: string | null; since: string } | null;
}

export function JointMeetingCard({
  meeting,
  locale,
  action,
}: {
  meeting: { name: LocalizedText; duties: LocalizedText; seats: readonly JointMeetingSeatView[] };
  locale: Locale;
  /** The authority's control per seat (set its member); absent on the public page. */
  action?: (seat: JointMeetingSeatView) => ReactNode;
}) {
  const m = targetsViewMessages[locale];
  return (
    <Card
      size="small"
      title={`${m.jointMeeting}：${localized(meeting.name, locale)}`}
      data-testid="joint-meeting"
    >
      <Typography.Paragraph type="secondary">{localized(meeting.duties, locale)}</Typography.Paragraph>
      <ScrollRegion label={`${m.jointMeeting}：${localized(meeting.name, locale)}`}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={[...meeting.seats]}
          columns={[
            { title: m.seat, render: (_, s) => localized(s.title, locale) },
            {
              title: m.member,
              render: (_, s) =>
                s.member ? (
                  <span data-testid={`joint-meeting-member-${s.id}`}>{s.member.name}</span>
                ) : (
                  <Typography.Text type="secondary">{m.vacant}</Typography.Text>
                ),
            },
            { title: m.department, render: (_, s) => s.member?.department ?? "—" },
            { title: m.since, render: (_, s) => (s.member ? formatDate(s.member.since, locale) : "—") },
            ...(action
              ? [
                  {
                    title: m.actions,
                    key: "action",
                    render: (_: unknown, s: JointMeetingSeatView) => action(s),
                  },
                ]
              : []),
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}

/**
 * A table that may be wider than a phone scrolls inside this region, not the page; the region takes focus so a
 * keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section aria-label={label} tabIndex={0} style={{ overflowX: "auto" }}>
      {children}
    </section>
  );
}

const tableStyle = { width: "100%", borderCollapse: "collapse" } as const;
const captionStyle = { captionSide: "top", textAlign: "left", padding: "4px 0", fontWeight: 600 } as const;
const cellStyle = { borderBottom: "1px solid #f0f0f0", padding: "6px 8px" } as const;
