import type { CenterFacts, FactChoice, LocalizedText } from "@kechuang/domain";
import { formatDate, type Locale, localized } from "@kechuang/ui";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "./messages";
import { chinaToday } from "./publicity";
import { summaryRows } from "./selfCheck";

/**
 * Print rules for the self-check: the portal's navigation, the form and every button disappear; the facts
 * (PrintSummary) and the results, one jurisdiction after another, print in black on white. Screen-only
 * and print-only parts are marked by class, so nothing here depends on the shell's markup beyond landmarks.
 */
export const printStyles = `
.kc-print-only { display: none; }
@media print {
  header, nav, footer, .ant-layout-header, .ant-layout-footer, .ant-layout-sider,
  .kc-screen-only, .kc-self-check .ant-btn, .kc-self-check .ant-card-extra { display: none !important; }
  .kc-print-only { display: block !important; }
  .ant-layout, .ant-layout-content, body { background: #fff !important; padding: 0 !important; margin: 0 !important; }
  .kc-self-check { color: #000; font-size: 11pt; }
  .kc-self-check a { color: #000; text-decoration: none; }
  .kc-check-columns { display: block !important; overflow: visible !important; }
  .kc-check-columns > .ant-card { max-width: none !important; margin-bottom: 12pt; break-inside: auto; }
  .kc-check-columns .ant-list-item { break-inside: avoid; }
  .kc-print-summary dl { display: grid; grid-template-columns: minmax(8em, 35%) 1fr; gap: 2pt 12pt; margin: 0 0 12pt; }
  .kc-print-summary dt { font-weight: 600; }
  .kc-print-summary dd { margin: 0; }
}
`;

/** The facts the results answer, as a description list; shown only when printing. */
export function PrintSummary({
  facts,
  locale,
  taskChoices,
}: {
  facts: CenterFacts;
  locale: Locale;
  taskChoices: readonly FactChoice[];
}) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const rows = summaryRows(facts, {
    t: (key, options) => t(key, options),
    pick: (text: LocalizedText) => localized(text, locale),
    tasks: taskChoices,
  });
  return (
    <section
      className="kc-print-only kc-print-summary"
      aria-label={t("selfCheckPrint.title")}
      data-testid="print-summary"
    >
      <h2 style={{ fontSize: "16pt", margin: "0 0 4pt" }}>{t("selfCheckPrint.title")}</h2>
      <p style={{ margin: "0 0 8pt" }}>
        {t("selfCheckPrint.generatedOn", { date: formatDate(chinaToday(new Date()), locale) })}
        {" · "}
        {t("selfCheckPrint.disclaimer")}
      </p>
      <h3 style={{ fontSize: "13pt", margin: "8pt 0 4pt" }}>{t("selfCheckPrint.facts")}</h3>
      {rows.length === 0 ? (
        <p>{t("selfCheckPrint.noFacts")}</p>
      ) : (
        <dl>
          {rows.map((row, index) => (
            <div key={`${row.label}-${index}`} style={{ display: "contents" }}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
