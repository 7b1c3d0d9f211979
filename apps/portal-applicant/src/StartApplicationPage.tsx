import { EmptyState, ErrorState, PageHeader, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { applicantNamespace } from "./messages";

/**
 * Step one of an application: which policy, which kind of platform. The server has no procedure to
 * create an application yet, so the choice is shown but cannot be submitted (said plainly on the page).
 */
export function StartApplicationPage({ basePath }: { basePath: string }) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const policies = useQuery(trpc.policies.list.queryOptions());
  const back = () => navigate(basePath || "/");

  return (
    <div>
      <PageHeader title={t("newApplication.title")} subtitle={t("newApplication.subtitle")} />
      <Alert type="info" showIcon title={t("newApplication.notYetOnline")} style={{ marginBottom: 16 }} />
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
                extra={
                  policy.status === "draft" ? (
                    <Tag color="orange">{t("newApplication.draftSource")}</Tag>
                  ) : null
                }
              >
                <Space wrap>
                  {policy.kinds.map((kind) => (
                    <Button key={kind} disabled>
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
    </div>
  );
}
