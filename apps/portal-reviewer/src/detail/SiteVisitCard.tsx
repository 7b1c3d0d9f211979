import { InlineError, type Locale, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Form, Input, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";
import { chinaToday } from "../workflow/dates";

type SiteVisitValues = {
  visitedOn: string;
  location: string;
  participantIds: string[];
  findings: string;
  conclusion: "satisfactory" | "concerns";
};

/**
 * The record of the site visit the module asks for (the `site-visit-recorded` guard reads it).
 * Participants are the panel's experts and the authority's own account.
 */
export function SiteVisitCard({
  applicationId,
  self,
  onChanged,
}: {
  applicationId: string;
  locale: Locale;
  self: { id: string; displayName: string };
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SiteVisitValues>();
  const [recorded, setRecorded] = useState(0);
  const panel = useQuery(trpc.review.panel.queryOptions({ applicationId }));
  // One key per visit being entered: a resent save stores it once; the next visit gets a new key.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const save = useMutation(
    trpc.review.recordSiteVisit.mutationOptions({
      onSuccess: async () => {
        void message.success(t("siteVisit.saved"));
        setRecorded((n) => n + 1);
        setIdempotencyKey(newIdempotencyKey());
        form.resetFields();
        await onChanged();
      },
    }),
  );
  const participants = new Map<string, string>([[self.id, self.displayName]]);
  for (const m of panel.data?.members ?? []) participants.set(m.expertId, m.name);
  const today = chinaToday(new Date());
  const required = (field: string) => [
    { required: true, whitespace: true, message: t("siteVisit.required", { field }) },
  ];

  return (
    <div data-testid="site-visit-card">
      {recorded > 0 ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("siteVisit.saved")}
          data-testid="site-visit-saved"
        />
      ) : null}
      <Form<SiteVisitValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        data-testid="site-visit-form"
        initialValues={{ conclusion: "satisfactory", visitedOn: today, participantIds: [self.id] }}
        onFinish={(values) =>
          save.mutate({
            applicationId,
            visitedOn: values.visitedOn,
            location: values.location.trim(),
            participantIds: values.participantIds,
            findings: values.findings.trim(),
            conclusion: values.conclusion,
            idempotencyKey,
          })
        }
      >
        <Form.Item
          name="visitedOn"
          label={t("siteVisit.visitedOn")}
          rules={required(t("siteVisit.visitedOn"))}
        >
          <Input type="date" max={today} data-testid="site-visit-date" />
        </Form.Item>
        <Form.Item name="location" label={t("siteVisit.location")} rules={required(t("siteVisit.location"))}>
          <Input maxLength={200} data-testid="site-visit-location" />
        </Form.Item>
        <Form.Item
          name="participantIds"
          label={t("siteVisit.participants")}
          rules={[
            { required: true, message: t("siteVisit.required", { field: t("siteVisit.participants") }) },
          ]}
        >
          <Select
            mode="multiple"
            loading={panel.isPending}
            options={[...participants].map(([value, label]) => ({
              value,
              label,
              "data-testid": `site-visit-participant-${value}`,
            }))}
            data-testid="site-visit-participants"
          />
        </Form.Item>
        <Form.Item name="findings" label={t("siteVisit.findings")} rules={required(t("siteVisit.findings"))}>
          <Input.TextArea rows={4} maxLength={20_000} data-testid="site-visit-findings" />
        </Form.Item>
        <Form.Item name="conclusion" label={t("siteVisit.conclusion")}>
          <Radio.Group
            options={[
              { value: "satisfactory", label: t("siteVisit.satisfactory") },
              { value: "concerns", label: t("siteVisit.concerns") },
            ]}
          />
        </Form.Item>
        {save.isError ? <InlineError error={save.error} /> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="site-visit-save">
          {t("siteVisit.save")}
        </Button>
      </Form>
    </div>
  );
}
