import {
  citationHref,
  ErrorState,
  formatDate,
  InlineError,
  type Locale,
  localized,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";

const newKey = () => crypto.randomUUID();

/**
 * The platform's side of a rectification (nm-tic.rectification "对于评价结果不合格的给予一年整改期,到期后
 * 重新进行评估评价"): the order with its due date and findings, and the platform's rectification report.
 * Mount it on the platform's page: `<RectificationCard platformId={id} />` (`hideWhenNone` on a list).
 */
export function RectificationCard({
  platformId,
  hideWhenNone = false,
}: {
  platformId: string;
  /** On a list of platforms: render nothing for a platform that was never ordered to rectify. */
  hideWhenNone?: boolean;
}) {
  const { t, i18n } = useTranslation([applicantNamespace, "common"]);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ response: string }>();
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const oversight = useQuery(trpc.evaluations.forPlatform.queryOptions({ platformId }));
  const respond = useMutation(
    trpc.evaluations.respondToRectification.mutationOptions({
      onSuccess: async () => {
        void message.success(t("rectification.submitted"));
        setIdempotencyKey(newKey());
        await oversight.refetch();
      },
    }),
  );
  if (oversight.isError)
    return <ErrorState error={oversight.error} onRetry={() => void oversight.refetch()} />;
  const data = oversight.data;
  const current = data?.rectifications.at(-1) ?? null;
  const lastGraded = data?.evaluations.find((e) => e.status === "graded") ?? null;
  const gradeName = (id: string | null) => {
    const grade = data?.grades.find((g) => g.id === id);
    return grade ? localized(grade.name, locale) : null;
  };
  const reason = current ? data?.evaluations.find((e) => e.id === current.evaluationId)?.findings : null;
  if (hideWhenNone && (!data || (!current && !lastGraded && !data.platform.revokedOn))) return null;
  return (
    <Card
      title={t("rectification.title")}
      loading={oversight.isPending}
      data-testid={`rectification-card-${platformId}`}
      data-status={current?.status ?? "none"}
    >
      {data?.platform.revokedOn ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("rectification.revoked", { date: formatDate(data.platform.revokedOn, locale) })}
        />
      ) : null}
      {lastGraded && gradeName(lastGraded.gradeId) ? (
        <Typography.Paragraph>
          {t("rectification.lastGrade")}：<strong>{gradeName(lastGraded.gradeId)}</strong>
          {lastGraded.conductedOn ? `（${formatDate(lastGraded.conductedOn, locale)}）` : ""}
          {lastGraded.postSubsidy ? (
            <Tag color="gold" style={{ marginLeft: 8 }}>
              {t("rectification.postSubsidy")}
            </Tag>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      {!current ? (
        <Typography.Text type="secondary">
          {t("rectification.none")}。{t("rectification.noneHint")}
        </Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: "status",
                label: t("rectification.title"),
                children: (
                  <Tag data-testid="rectification-status">{t(`rectification.status.${current.status}`)}</Tag>
                ),
              },
              {
                key: "startsOn",
                label: t("rectification.startsOn"),
                children: formatDate(current.startsOn, locale),
              },
              { key: "dueOn", label: t("rectification.dueOn"), children: formatDate(current.dueOn, locale) },
              ...(reason ? [{ key: "reason", label: t("rectification.reason"), children: reason }] : []),
              ...(current.citation
                ? [
                    {
                      key: "rule",
                      label: t("rectification.rule"),
                      children: (
                        <a href={citationHref(current.citation)}>
                          {current.citation.source} {current.citation.clause}：{current.citation.quote}
                        </a>
                      ),
                    },
                  ]
                : []),
              ...(current.response
                ? [
                    {
                      key: "response",
                      label: t("rectification.response"),
                      children: (
                        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                          {current.response}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {current.status === "open" && data?.platform.status !== "delisted" ? (
            <Form
              form={form}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(values) =>
                respond.mutate({
                  rectificationId: current.id,
                  response: values.response.trim(),
                  idempotencyKey,
                })
              }
            >
              <Form.Item
                name="response"
                label={t("rectification.response")}
                extra={t("rectification.responseHint")}
                rules={[{ required: true, whitespace: true, message: t("rectification.required") }]}
              >
                <Input.TextArea rows={5} data-testid="rectification-response" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={respond.isPending}
                data-testid="rectification-submit"
              >
                {t("rectification.submit")}
              </Button>
            </Form>
          ) : null}
          {respond.isError ? <InlineError error={respond.error} /> : null}
        </>
      )}
    </Card>
  );
}
