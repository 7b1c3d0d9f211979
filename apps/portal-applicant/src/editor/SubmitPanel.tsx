import type { CheckResponse, PlanOutline, SectionCompleteness } from "@kechuang/domain";
import { InlineError, type Locale, localized } from "@kechuang/ui";
import { Alert, Button, Card, List, Popconfirm, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";
import type { AvailableAction } from "../workflow/api";
import { missingForSubmission } from "../workflow/submission";

/** Submit (or resubmit after a return): disabled, with the list of what is missing, until complete. */
export function SubmitPanel({
  action,
  completeness,
  outline,
  eligibility,
  targetStage,
  submitting,
  error,
  locale,
  onSubmit,
}: {
  action: AvailableAction | null;
  completeness: SectionCompleteness[];
  outline: PlanOutline | null;
  eligibility: CheckResponse | null;
  targetStage: string;
  submitting: boolean;
  error: unknown;
  locale: Locale;
  onSubmit: () => void;
}) {
  const { t } = useTranslation(applicantNamespace);
  if (!action) return <Result status="info" title={t("submit.notAvailable")} />;
  const missing = missingForSubmission(completeness, outline);
  const failures = eligibility?.results.filter((r) => r.outcome === "fail").length ?? 0;
  const label = action.action === "resubmit" ? t("submit.resubmit") : t("submit.button");

  return (
    <Card size="small" title={t("submit.title")}>
      <Space direction="vertical" style={{ width: "100%" }}>
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t("submit.missingTitle")}
            data-testid="submit-missing"
            description={
              <List
                size="small"
                dataSource={missing}
                renderItem={(item) => (
                  <List.Item key={item.sectionId}>
                    <Typography.Text strong>{localized(item.label, locale)}</Typography.Text>
                    {item.fields.length > 0 ? (
                      <Typography.Text type="secondary">
                        {" "}
                        {t("submit.missingFields", {
                          fields: item.fields.map((f) => localized(f, locale)).join("、"),
                        })}
                      </Typography.Text>
                    ) : null}
                  </List.Item>
                )}
              />
            }
          />
        ) : (
          <Alert type="success" showIcon title={t("submit.ready")} />
        )}
        {failures > 0 ? (
          <Alert type="warning" showIcon title={t("eligibility.failures", { count: failures })} />
        ) : null}
        {error ? <InlineError error={error} /> : null}
        <Popconfirm
          title={t("submit.confirm", { stage: targetStage })}
          onConfirm={onSubmit}
          disabled={missing.length > 0 || submitting}
          okButtonProps={{ "data-testid": "submit-confirm" }}
        >
          <Button
            type="primary"
            disabled={missing.length > 0}
            loading={submitting}
            data-testid="submit-application"
          >
            {label}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
