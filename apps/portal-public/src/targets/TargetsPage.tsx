import {
  EmptyState,
  ErrorState,
  JointMeetingCard,
  type Locale,
  PageHeader,
  TargetsView,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Skeleton, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { publicNamespace } from "../messages";
import { portalPath } from "../paths";

/**
 * A policy's platform targets for everyone (issue 11, Anshun's 附件): the same report as the reviewer dashboard
 * and the open data, with its downloads, and the joint meeting's members (names and departments only).
 */
export function TargetsPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const { policyId = "" } = useParams();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const report = useQuery(trpc.targets.report.queryOptions({ policyId }, { retry: false }));
  const meeting = useQuery(trpc.targets.jointMeeting.queryOptions({ policyId }, { retry: false }));
  const policies = useQuery(trpc.policies.list.queryOptions());
  const policy = policies.data?.find((p) => p.id === policyId);
  if (report.isPending) return <Skeleton active />;
  if (report.isError) {
    if (report.error.data?.code === "NOT_FOUND")
      return (
        <EmptyState
          title={t("targets.notFound.title")}
          description={t("targets.notFound.hint")}
          next={{
            label: t("targets.notFound.next"),
            onClick: () => navigate(portalPath(basePath, "policies")),
          }}
        />
      );
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="public-targets-page">
      <PageHeader
        title={t("targets.title")}
        subtitle={t("targets.subtitle", { policy: policy?.title ?? policyId })}
        extra={
          <Link to={portalPath(basePath, `policies/${policyId}`)}>
            <Button>{t("targets.policy")}</Button>
          </Link>
        }
      />
      <TargetsView report={report.data} locale={locale} downloadBase={`/api/v1/targets/${policyId}`} />
      {meeting.data ? <JointMeetingCard meeting={meeting.data} locale={locale} /> : null}
    </Space>
  );
}

/** On a policy's page: the way to its targets, when the policy sets any. */
export function TargetsLink({ basePath, policyId }: { basePath: string; policyId: string }) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const policies = useQuery(trpc.targets.policies.queryOptions());
  if (!policies.data?.some((p) => p.policyId === policyId)) return null;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="targets-link"
      title={
        <Link to={portalPath(basePath, `targets/${policyId}`)} style={{ textDecoration: "underline" }}>
          {t("targets.link")}
        </Link>
      }
      description={t("targets.linkHint")}
    />
  );
}
