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
import { Alert, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { applicantNamespace } from "./messages";

type Choice = { policy: PolicySummary; kind: PlatformKind };

/**
 * Step one of an application: which jurisdiction's policy and which kind, then a name and — where the policy
 * has one — the recommending body from the policy's own list (the server refuses any other); then the editor.
 */
export function StartApplicationPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const policies = useQuery(trpc.policies.list.queryOptions());
  const [choice, setChoice] = useState<Choice | null>(null);
  const [form] = Form.useForm<{ title: string; recommenderAreaCode?: string }>();
  const detail = useQuery({
    ...trpc.policies.get.queryOptions({ policyId: choice?.policy.id ?? "" }),
    enabled: choice !== null,
  });
  const recommendation = detail.data?.recommendation ?? null;
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
        okButtonProps={{
          loading: create.isPending,
          disabled: detail.isPending || detail.isError,
          "data-testid": "create-application",
        }}
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
          onFinish={({ title, recommenderAreaCode }) => {
            if (choice)
              create.mutate({
                policyId: choice.policy.id,
                kind: choice.kind,
                title: title.trim(),
                recommenderAreaCode: recommendation ? (recommenderAreaCode ?? null) : null,
              });
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
          {recommendation ? (
            <Form.Item
              name="recommenderAreaCode"
              label={t("newApplication.recommenderLabel", {
                clause: `${recommendation.citation.source} ${recommendation.citation.clause}`,
              })}
              tooltip={recommendation.citation.quote}
              rules={[{ required: true, message: t("newApplication.recommenderRequired") }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t("newApplication.recommenderPlaceholder")}
                data-testid="application-recommender"
                options={recommendation.bodies.map((body) => ({
                  value: body.code,
                  label: localized(body.name, locale),
                }))}
              />
            </Form.Item>
          ) : detail.isSuccess ? (
            <Alert type="info" showIcon title={t("newApplication.noRecommender")} />
          ) : null}
        </Form>
        {detail.isError ? <InlineError error={detail.error} /> : null}
        {create.isError ? <InlineError error={create.error} /> : null}
      </Modal>
    </div>
  );
}
