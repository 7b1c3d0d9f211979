import type { DirectoryFacets, DirectoryQuery } from "@kechuang/domain";
import { formationModeLabels } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import { Button, Col, Input, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "../messages";
import { cleared, isNarrowed, withChange } from "./directoryUrl";

type Option = { value: string; label: string };

const sorts = ["approved-desc", "approved-asc", "name"] as const;

/**
 * Search box and filters. Every control has a visible label tied to it; the filters stack on a phone
 * (one per row) and sit four to a row on a wide screen. Options are the values present in the data.
 */
export function DirectoryFilters({
  query,
  facets,
  locale,
  onChange,
}: {
  query: DirectoryQuery;
  facets: DirectoryFacets | undefined;
  locale: Locale;
  onChange: (next: DirectoryQuery) => void;
}) {
  const { t } = useTranslation([publicNamespace, "common"]);
  // The box holds what is being typed; the URL changes only on Enter or the button (no request per key).
  const [text, setText] = useState(query.q ?? "");
  useEffect(() => setText(query.q ?? ""), [query.q]);

  const change = (patch: Partial<DirectoryQuery>) => onChange(withChange(query, patch));
  const option = (value: string | number, label: string, count: number): Option => ({
    value: String(value),
    label: t("directory.filter.option", { label, count }),
  });

  const filters: {
    key: "jurisdiction" | "kind" | "category" | "field" | "formationMode" | "status" | "year";
    options: Option[];
  }[] = [
    {
      key: "jurisdiction",
      options: (facets?.jurisdictions ?? []).map((j) => option(j.code, localized(j.name, locale), j.count)),
    },
    {
      key: "kind",
      options: (facets?.kinds ?? []).map((k) => option(k.value, t(`common:kind.${k.value}`), k.count)),
    },
    {
      key: "category",
      options: (facets?.categories ?? []).map((c) =>
        option(c.value, t(`directory.category.${c.value}`), c.count),
      ),
    },
    {
      key: "field",
      options: (facets?.fields ?? []).map((f) => option(f.value, f.value, f.count)),
    },
    {
      key: "formationMode",
      options: (facets?.formationModes ?? []).map((m) =>
        option(m.value, localized(formationModeLabels[m.value], locale), m.count),
      ),
    },
    {
      key: "status",
      options: (facets?.statuses ?? []).map((s) =>
        option(s.value, t(`directory.status.${s.value}`), s.count),
      ),
    },
    {
      key: "year",
      options: (facets?.years ?? []).map((y) => option(y.value, String(y.value), y.count)),
    },
  ];

  return (
    <section aria-labelledby="directory-filters-heading" style={{ marginBottom: 16 }}>
      <h2 id="directory-filters-heading" className="visually-hidden" style={visuallyHidden}>
        {t("directory.filters")}
      </h2>
      {/* The search landmark; Input.Search submits on Enter and on its button (no request per keystroke). */}
      <search style={{ display: "block", marginBottom: 12 }}>
        <label htmlFor="directory-search" style={labelStyle}>
          {t("directory.searchLabel")}
        </label>
        <Input.Search
          id="directory-search"
          data-testid="directory-search"
          value={text}
          maxLength={100}
          allowClear
          placeholder={t("directory.searchPlaceholder")}
          enterButton={<span data-testid="directory-search-button">{t("directory.search")}</span>}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => change({ q: value.trim() || undefined })}
        />
      </search>
      <Row gutter={[12, 12]} align="bottom">
        {filters.map(({ key, options }) => {
          const value = query[key];
          return (
            <Col xs={24} sm={12} lg={6} key={key}>
              <label htmlFor={`filter-${key}`} style={labelStyle}>
                {t(`directory.filter.${key}`)}
              </label>
              <Select
                id={`filter-${key}`}
                data-testid={`filter-${key}`}
                style={{ width: "100%" }}
                showSearch={{ optionFilterProp: "label" }}
                value={value === undefined ? "" : String(value)}
                onChange={(next: string) =>
                  change({ [key]: next === "" ? undefined : key === "year" ? Number(next) : next })
                }
                options={[
                  { value: "", label: t("directory.filter.all") },
                  ...options.map((o) => ({ ...o, "data-testid": `filter-${key}-option-${o.value}` })),
                ]}
              />
            </Col>
          );
        })}
        <Col xs={24} sm={12} lg={6}>
          <label htmlFor="filter-sort" style={labelStyle}>
            {t("directory.filter.sort")}
          </label>
          <Select
            id="filter-sort"
            data-testid="filter-sort"
            style={{ width: "100%" }}
            value={query.sort}
            onChange={(sort) => change({ sort })}
            options={sorts.map((sort) => ({
              value: sort,
              label: t(`directory.sort.${sort}`),
              "data-testid": `filter-sort-option-${sort}`,
            }))}
          />
        </Col>
        {isNarrowed(query) ? (
          <Col xs={24} sm={12} lg={6}>
            <Button block onClick={() => onChange(cleared(query))} data-testid="directory-clear">
              {t("directory.clear")}
            </Button>
          </Col>
        ) : null}
      </Row>
    </section>
  );
}

const labelStyle = { display: "block", marginBottom: 4 } as const;

/** Read by screen readers, not drawn: the filters' heading (the labels make the layout clear by sight). */
export const visuallyHidden = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;
