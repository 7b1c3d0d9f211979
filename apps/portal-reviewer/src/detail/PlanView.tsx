import { flattenSections, type PlanOutline, type SectionCompleteness } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import { Alert, Descriptions, Empty, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { planSections } from "../workflow/plan";

/** A field's value as read-only text: money in yuan with grouping, everything else as entered. */
function displayValue(value: unknown, type: string, locale: Locale): string {
  if (value === undefined || value === null || value === "") return "—";
  if ((type === "cny" || type === "number") && typeof value === "number") {
    const grouped = new Intl.NumberFormat(locale).format(value);
    return type === "cny" ? `${grouped} ${locale === "en" ? "CNY" : "元"}` : grouped;
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The plan, read-only, section by section along the module's outline: a province that adds a section
 * shows up here with no portal change. Without the outline (the server has not sent it) the sections
 * come from the completeness list and fields show their ids.
 */
export function PlanView({
  outline,
  plan,
  completeness,
  locale,
}: {
  outline: PlanOutline | null | undefined;
  plan: Record<string, unknown>;
  completeness: readonly SectionCompleteness[];
  locale: Locale;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const sections = planSections(outline ? flattenSections(outline) : null, completeness, plan);
  if (sections.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.noOutline")} />;
  }
  return (
    <div data-testid="plan-view">
      {!outline ? (
        <Alert type="info" showIcon title={t("detail.noFieldLabels")} style={{ marginBottom: 8 }} />
      ) : null}
      {sections.map((section) => {
        const title: ReactNode = (
          <span>
            {section.number} {localized(section.title, locale)}{" "}
            {section.complete === false ? <Tag color="orange">{t("detail.sectionIncomplete")}</Tag> : null}
          </span>
        );
        return (
          <div key={section.id} style={{ marginTop: 16 }} data-testid={`plan-section-${section.id}`}>
            <Typography.Title level={5}>{title}</Typography.Title>
            {section.fields.length === 0 && section.complete !== false ? null : section.fields.some(
                (f) => f.value !== undefined,
              ) ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                items={section.fields.map((field) => ({
                  key: field.id,
                  label: field.label ? localized(field.label, locale) : field.id,
                  children: (
                    <span style={{ whiteSpace: "pre-wrap" }}>
                      {displayValue(field.value, field.type, locale)}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.planEmpty")} />
            )}
          </div>
        );
      })}
    </div>
  );
}
