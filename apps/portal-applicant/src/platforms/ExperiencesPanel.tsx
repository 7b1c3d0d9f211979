import { citationHref, formatDate, InlineError, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Form, Input, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";

const statusColor = { draft: "default", submitted: "blue", returned: "orange", published: "green" } as const;

interface Editing {
  id?: string;
  version?: number;
  title: string;
  body: string;
}

/**
 * The zone's replicable experiences (sc-zone 五(五) "示范区凝练提出可供复制推广的若干政策措施和经验做法"):
 * write a draft, revise a returned one, submit it for the department to publish. Renders nothing for a
 * platform whose policy asks for none (the server answers `rule: null`).
 */
export function ExperiencesPanel({ platformId }: { platformId: string }) {
  const { t, i18n } = useTranslation([applicantNamespace, "common"]);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useQuery(trpc.experiences.list.queryOptions({ platformId }));
  const save = useMutation(
    trpc.experiences.save.mutationOptions({
      onSuccess: async () => {
        void message.success(t("experiences.saved"));
        setEditing(null);
        await list.refetch();
      },
    }),
  );
  const submit = useMutation(
    trpc.experiences.submit.mutationOptions({
      onSuccess: async () => {
        void message.success(t("experiences.submitted"));
        await list.refetch();
      },
    }),
  );
  if (list.isError) return <InlineError error={list.error} />;
  if (list.data && !list.data.rule) return null;
  const rule = list.data?.rule;
  const open = (e: Editing) => {
    setEditing(e);
    form.setFieldsValue({ title: e.title, body: e.body });
  };
  return (
    <Card
      title={t("experiences.title")}
      loading={list.isPending}
      data-testid={`experiences-panel-${platformId}`}
      extra={
        editing ? null : (
          <Button onClick={() => open({ title: "", body: "" })} data-testid="experience-add">
            {t("experiences.add")}
          </Button>
        )
      }
    >
      {rule ? (
        <Typography.Paragraph type="secondary">
          {rule.prompt ? localized(rule.prompt, locale) : null}{" "}
          <a href={citationHref(rule.citation)}>
            {t("experiences.rule")}：{rule.citation.source} {rule.citation.clause}
          </a>
        </Typography.Paragraph>
      ) : null}
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          data-testid="experience-editor"
          onFinish={(values) =>
            save.mutate({
              platformId,
              title: values.title.trim(),
              body: values.body.trim(),
              ...(editing.id ? { id: editing.id, expectedVersion: editing.version } : {}),
            })
          }
        >
          <Typography.Title level={5}>
            {editing.id ? t("experiences.editorEdit") : t("experiences.editorNew")}
          </Typography.Title>
          <Form.Item
            name="title"
            label={t("experiences.fieldTitle")}
            rules={[{ required: true, whitespace: true, message: t("experiences.required") }]}
          >
            <Input maxLength={200} data-testid="experience-title" />
          </Form.Item>
          <Form.Item
            name="body"
            label={t("experiences.fieldBody")}
            rules={[{ required: true, whitespace: true, message: t("experiences.required") }]}
          >
            <Input.TextArea rows={6} maxLength={20_000} data-testid="experience-body" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="experience-save">
              {t("experiences.save")}
            </Button>
            <Button onClick={() => setEditing(null)}>{t("experiences.cancel")}</Button>
          </Space>
          {save.isError ? <InlineError error={save.error} /> : null}
        </Form>
      ) : null}
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("experiences.empty") }}
        renderItem={(item) => {
          const editable = item.status === "draft" || item.status === "returned";
          return (
            <List.Item
              data-testid={`experience-${item.id}`}
              data-status={item.status}
              actions={
                editable
                  ? [
                      <Button
                        key="edit"
                        size="small"
                        onClick={() =>
                          open({ id: item.id, version: item.version, title: item.title, body: item.body })
                        }
                      >
                        {t("experiences.edit")}
                      </Button>,
                      <Button
                        key="submit"
                        size="small"
                        type="primary"
                        loading={submit.isPending && submit.variables?.id === item.id}
                        onClick={() => submit.mutate({ id: item.id, expectedVersion: item.version })}
                        data-testid="experience-submit"
                      >
                        {t("experiences.submit")}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {item.title}
                    <Tag color={statusColor[item.status]}>{t(`experiences.status.${item.status}`)}</Tag>
                    {item.promoted ? <Tag color="gold">{t("experiences.promoted")}</Tag> : null}
                  </Space>
                }
                description={
                  <>
                    <div>
                      {item.publishedAt
                        ? t("experiences.publishedAt", { date: formatDate(item.publishedAt, locale) })
                        : t("experiences.updatedAt", { date: formatDate(item.updatedAt, locale) })}
                    </div>
                    {item.status === "returned" && item.returnReason ? (
                      <Alert
                        type="warning"
                        showIcon
                        style={{ margin: "8px 0" }}
                        data-testid="experience-return-reason"
                        title={t("experiences.returnReason", { reason: item.returnReason })}
                      />
                    ) : null}
                    <Typography.Paragraph
                      style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}
                      ellipsis={{ rows: 3, expandable: true }}
                    >
                      {item.body}
                    </Typography.Paragraph>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      {submit.isError ? <InlineError error={submit.error} /> : null}
    </Card>
  );
}
