import { EChart, type EChartOption, formatCount, type Locale } from "@kechuang/ui";
import { Card, Col, Row, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "../messages";
import { chartDescription, type StatRow } from "./chartOptions";

/**
 * A chart and its table twin: the same numbers drawn and written. The drawing has a short label pointing
 * to the table; screen readers and keyboard users get the real <table>, with a caption and header cells,
 * and each row links to the directory filtered to it.
 */
export function ChartWithTable({
  id,
  title,
  keyHeader,
  rows,
  option,
  height,
  locale,
  note,
}: {
  id: string;
  title: string;
  keyHeader: string;
  rows: readonly StatRow[];
  option: EChartOption;
  height: number;
  locale: Locale;
  note?: string;
}) {
  const { t } = useTranslation(publicNamespace);
  const headingId = `stats-${id}-heading`;
  // A new option object makes the chart redraw: built once per data change, not per render.
  const described = useMemo(
    () => ({
      ...option,
      aria: { enabled: true, label: { description: chartDescription(title, rows, locale) } },
    }),
    [option, title, rows, locale],
  );
  return (
    <section aria-labelledby={headingId} data-testid={`stats-${id}`} style={{ marginBottom: 16 }}>
      <Card
        size="small"
        title={
          <Typography.Title level={2} id={headingId} style={{ margin: 0, fontSize: 16 }}>
            {title}
          </Typography.Title>
        }
      >
        {note ? <Typography.Paragraph type="secondary">{note}</Typography.Paragraph> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} md={14}>
            <EChart
              option={described}
              height={height}
              locale={locale === "en" ? "EN" : "ZH"}
              ariaLabel={t("stats.chartLabel", { title })}
              data-testid={`stats-chart-${id}`}
            />
          </Col>
          <Col xs={24} md={10}>
            <table data-testid={`stats-table-${id}`} style={tableStyle}>
              <caption style={captionStyle}>{t("stats.tableCaption", { title })}</caption>
              <thead>
                <tr>
                  <th scope="col" style={cellStyle}>
                    {keyHeader}
                  </th>
                  <th scope="col" style={{ ...cellStyle, textAlign: "right" }}>
                    {t("stats.column.count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-key={row.key} data-count={row.count}>
                    <th scope="row" style={{ ...cellStyle, fontWeight: "normal" }}>
                      {row.href ? <Link to={row.href}>{row.label}</Link> : row.label}
                    </th>
                    <td style={{ ...cellStyle, textAlign: "right" }}>{formatCount(row.count, locale)}</td>
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

const tableStyle = { width: "100%", borderCollapse: "collapse" } as const;
const captionStyle = { captionSide: "top", textAlign: "left", padding: "4px 0", fontWeight: 600 } as const;
const cellStyle = { borderBottom: "1px solid #f0f0f0", padding: "6px 8px", textAlign: "left" } as const;
