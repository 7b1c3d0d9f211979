import type { SessionUser } from "@kechuang/domain";
import { citationHref, formatDate, InlineError, type Locale, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Checkbox, Form, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";

const newKey = () => crypto.randomUUID();

/**
 * A zone's replicable experiences awaiting the department (sc-zone 五(五) "科技厅对示范区建设经验和做法进行
 * 总结提炼,向全省示范推广"): publish each submitted one, ticking 向全省推广 for those promoted province-wide,
 * or return it with a reason. Renders nothing for a platform whose policy asks for none.
 */
export function ExperiencesCard({ platformId, user }: { platformId: string; user: SessionUser }) {
  const { t, i18n } = useTranslation([reviewerNamespace, "common"]);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [promoted, setPromoted] = useState<Record<string, boolean>>({});
  const [returning, setReturning] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery(trpc.experiences.list.queryOptions({ platformId }));
  const done = (text: string) => async () => {
    void message.success(text);
    setReturning(null);
    setIdempotencyKey(newKey());
    form.resetFields();
    await list.refetch();
  };
  const publish = useMutation(
    trpc.experiences.publish.mutationOptions({ onSuccess: done(t("experiences.published")) }),
  );
  const giveBack = useMutation(
    trpc.experiences.return.mutationOptions({ onSuccess: done(t("experiences.returned")) }),
  );
  if (list.isError) return <InlineError error={list.error} />;
  if (list.data && !list.data.rule) return null;
  const items = list.data?.items ?? [];
  const submitted = items.filter((i) => i.status === "submitted");
  const published = items.filter((i) => i.status === "published");
  const rule = list.data?.rule;
  const decides = user.role === "authority";
  return (
    <Card
      title={t("experiences.title")}
      size="small"
      loading={list.isPending}
      data-testid="experiences-card"
      extra={
        rule ? (
          <a href={citationHref(rule.citation)}>
            {t("experiences.rule")}：{rule.citation.source} {rule.citation.clause}
          </a>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t("experiences.summary", {
          published: published.length,
          promoted: published.filter((i) => i.promoted).length,
          submitted: submitted.length,
        })}
      </Typography.Paragraph>
      <List
        dataSource={submitted}
        locale={{ emptyText: t("experiences.none") }}
        renderItem={(item) => (
          <List.Item data-testid={`review-experience-${item.id}`}>
            <Space direction="vertical" style={{ width: "100%" }}>
              <Typography.Text strong>{item.title}</Typography.Text>
              <Typography.Text type="secondary">
                {item.submittedAt
                  ? t("experiences.submittedAt", { date: formatDate(item.submittedAt, locale) })
                  : null}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                {item.body}
              </Typography.Paragraph>
              {decides && returning !== item.id ? (
                <Space wrap>
                  <Checkbox
                    checked={promoted[item.id] ?? false}
                    onChange={(e) => setPromoted({ ...promoted, [item.id]: e.target.checked })}
                    data-testid="experience-promote"
                  >
                    {t("experiences.promote")}
                  </Checkbox>
                  <Button
                    type="primary"
                    size="small"
                    loading={publish.isPending}
                    data-testid="experience-publish"
                    onClick={() =>
                      publish.mutate({
                        id: item.id,
                        promoted: promoted[item.id] ?? false,
                        expectedVersion: item.version,
                        idempotencyKey,
                      })
                    }
                  >
                    {t("experiences.publish")}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setReturning(item.id)}
                    data-testid="experience-return"
                  >
                    {t("experiences.return")}
                  </Button>
                </Space>
              ) : null}
              {decides && returning === item.id ? (
                <Form
                  form={form}
                  layout="vertical"
                  onFinish={(values) =>
                    giveBack.mutate({
                      id: item.id,
                      reason: values.reason.trim(),
                      expectedVersion: item.version,
                      idempotencyKey,
                    })
                  }
                >
                  <Form.Item
                    name="reason"
                    label={t("experiences.reason")}
                    rules={[{ required: true, whitespace: true, message: t("experiences.reasonRequired") }]}
                  >
                    <Input.TextArea rows={3} maxLength={2_000} data-testid="experience-return-reason" />
                  </Form.Item>
                  <Space>
                    <Button danger htmlType="submit" size="small" loading={giveBack.isPending}>
                      {t("experiences.confirmReturn")}
                    </Button>
                    <Button size="small" onClick={() => setReturning(null)}>
                      {t("experiences.cancel")}
                    </Button>
                  </Space>
                </Form>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {publish.isError ? <InlineError error={publish.error} /> : null}
      {giveBack.isError ? <InlineError error={giveBack.error} /> : null}
    </Card>
  );
}
