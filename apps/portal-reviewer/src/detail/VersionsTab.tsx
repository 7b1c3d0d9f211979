import { ErrorState, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Flex, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { formatDateTime } from "../workflow/dates";

const shown = (value: unknown): string =>
  value === null || value === undefined || value === ""
    ? "—"
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);

/**
 * What changed between two submitted versions (the server diffs them per outline section), so a reviewer
 * checks a resubmission against the return reason instead of rereading the whole plan.
 */
export function VersionsTab({ applicationId, locale }: { applicationId: string; locale: Locale }) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const versions = useQuery(trpc.applications.versions.queryOptions({ applicationId }));
  const numbers = (versions.data ?? []).map((v) => v.number);
  const [picked, setPicked] = useState<{ a?: number; b?: number }>({});
  const b = picked.b ?? numbers.at(-1);
  const a = picked.a ?? numbers.at(-2);
  const diff = useQuery({
    ...trpc.applications.compareVersions.queryOptions({ applicationId, a: a ?? 1, b: b ?? 1 }),
    enabled: a !== undefined && b !== undefined && a !== b,
  });
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.isPending && numbers.length < 2) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("versions.single")} />;
  }
  const options = (versions.data ?? []).map((v) => ({
    value: v.number,
    label: t("versions.option", { number: v.number, at: formatDateTime(v.createdAt, locale) }),
  }));
  const changed = diff.data?.sections.filter((s) => s.changed) ?? [];
  return (
    <div data-testid="versions-tab">
      <Flex gap="small" align="center" wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 220 }}
          value={a}
          options={options}
          onChange={(v) => setPicked((p) => ({ ...p, a: v }))}
        />
        <span>→</span>
        <Select
          style={{ minWidth: 220 }}
          value={b}
          options={options}
          onChange={(v) => setPicked((p) => ({ ...p, b: v }))}
        />
      </Flex>
      {diff.isError ? <ErrorState error={diff.error} onRetry={() => void diff.refetch()} /> : null}
      {diff.data?.titleChanged || (diff.data?.factsChanged.length ?? 0) > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("versions.factsChanged", { fields: diff.data?.factsChanged.join("、") || "—" })}
        />
      ) : null}
      {diff.isSuccess && changed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("versions.noChange")} />
      ) : (
        changed.map((section) => (
          <div key={section.sectionId} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>
              {section.number} {localized(section.title, locale)}
            </Typography.Title>
            <Table
              size="small"
              rowKey="fieldId"
              pagination={false}
              dataSource={section.changes}
              columns={[
                {
                  title: t("versions.field"),
                  key: "f",
                  render: (_, c) => localized(c.label, locale),
                  width: 200,
                },
                { title: t("versions.before"), key: "b", render: (_, c) => <del>{shown(c.before)}</del> },
                { title: t("versions.after"), key: "a", render: (_, c) => <ins>{shown(c.after)}</ins> },
              ]}
            />
          </div>
        ))
      )}
    </div>
  );
}
