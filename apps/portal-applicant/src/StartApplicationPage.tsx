import type { PlatformKind, PolicySummary } from "@kechuang/domain";
import {
  EmptyState,
  ErrorState,
  InlineError,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { applicantNamespace } from "./messages";

type Choice = { policy: PolicySummary; kind: PlatformKind };

/** Step one of an application: which jurisdiction's policy and which kind, then a name; then the editor. */
export function StartApplicationPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const policies = useQuery(trpc.policies.list.queryOptions());
  const [choice, setChoice] = useState<Choice | null>(null);
  const [form] = Form.useForm<{ title: string }>();
  const create = useMutation(
    trpc.applications.create.mutationOptions({
      onSuccess: (created) => navigate(`${basePath}/${created.id}`),
    }),
  );
  const back = () => navigate(basePath || "/");

  return (
    <div>
      <PageHeader title={t("newApplication.title")} subtitle={t("newApplication.subtitle")} />
      {policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <List
          loading={policies.isPending}
          grid={{ gutter: 16, xs: 1, md: 2 }}
          dataSource={policies.data ?? []}
          locale={{
            emptyText: (
              <EmptyState
                title={t("newApplication.noPolicies")}
                description={t("newApplication.noPoliciesHint")}
                next={{ label: t("newApplication.back"), onClick: back }}
              />
            ),
          }}
          renderItem={(policy) => (
            <List.Item key={policy.id}>
              <Card
                size="small"
                title={policy.title}
                data-testid={`policy-${policy.id}`}
                extra={
                  policy.status === "draft" ? (
                    <Tag color="orange">{t("newApplication.draftSource")}</Tag>
                  ) : null
                }
              >
                <Typography.Paragraph type="secondary">
                  {t("newApplication.jurisdiction", { name: localized(policy.jurisdictionName, locale) })}
                </Typography.Paragraph>
                <Space wrap>
                  {policy.kinds.map((kind) => (
                    <Button
                      key={kind}
                      data-testid={`start-${policy.id}-${kind}`}
                      onClick={() => {
                        create.reset();
                        setChoice({ policy, kind });
                      }}
                    >
                      {t("newApplication.choose", { kind: t(`common:kind.${kind}`) })}
                    </Button>
                  ))}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      <Button type="link" onClick={back}>
        {t("newApplication.back")}
      </Button>
      <Modal
        open={choice !== null}
        title={t("newApplication.nameTitle")}
        okText={create.isPending ? t("newApplication.creating") : t("newApplication.create")}
        okButtonProps={{ loading: create.isPending, "data-testid": "create-application" }}
        onCancel={() => setChoice(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {choice ? (
          <Typography.Paragraph>
            {choice.policy.title} · {t(`common:kind.${choice.kind}`)}
          </Typography.Paragraph>
        ) : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={({ title }) => {
            if (choice) create.mutate({ policyId: choice.policy.id, kind: choice.kind, title: title.trim() });
          }}
        >
          <Form.Item
            name="title"
            label={t("newApplication.nameLabel")}
            rules={[
              { required: true, whitespace: true, max: 200, message: t("newApplication.nameRequired") },
            ]}
          >
            <Input placeholder={t("newApplication.namePlaceholder")} data-testid="application-title" />
          </Form.Item>
        </Form>
        {create.isError ? <InlineError error={create.error} /> : null}
      </Modal>
    </div>
  );
}
