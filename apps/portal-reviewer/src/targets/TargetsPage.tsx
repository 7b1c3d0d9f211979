import type { RouterOutputs } from "@kechuang/api";
import type { SessionUser } from "@kechuang/domain";
import {
  EmptyState,
  ErrorState,
  formatDate,
  InlineError,
  JointMeetingCard,
  type JointMeetingSeatView,
  type Locale,
  localized,
  PageHeader,
  TargetsView,
  targetsViewMessages,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App as AntApp,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";

type Report = RouterOutputs["targets"]["report"];
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** `targets`: the dashboard of the first policy with targets in the authority's jurisdiction. */
export function TargetsIndex({ user }: { user: SessionUser }) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const policies = useQuery(trpc.targets.policies.queryOptions());
  if (policies.isPending) return <Skeleton active />;
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => policies.refetch()} />;
  const own = policies.data.find((p) => p.jurisdiction === user.areaCode);
  if (own) return <Navigate to={own.policyId} replace />;
  return (
    <EmptyState
      title={t("targets.noPolicy.title")}
      description={t("targets.noPolicy.hint")}
      next={{ label: t("targets.noPolicy.next"), onClick: () => navigate("../platforms") }}
    />
  );
}

/**
 * Anshun's targets dashboard (issue 11): target vs actual per type and year with table twins, stated vs computed
 * growth, the types behind, downloads; for the city's authority, the recognition form and the joint meeting's seats.
 */
export function TargetsPage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const { t } = useTranslation(reviewerNamespace);
  const { policyId = "" } = useParams();
  const trpc = useTRPC();
  const report = useQuery(trpc.targets.report.queryOptions({ policyId }));
  const meeting = useQuery(trpc.targets.jointMeeting.queryOptions({ policyId }));
  const policies = useQuery(trpc.policies.list.queryOptions());
  const policy = policies.data?.find((p) => p.id === policyId);
  // The city's own authority records recognitions and seats members; the server checks the same.
  const decides = user.role === "authority" && policy !== undefined && policy.jurisdiction === user.areaCode;
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="targets-page">
      <PageHeader
        title={t("targets.title")}
        subtitle={t("targets.subtitle", { policy: policy?.title ?? policyId })}
      />
      <TargetsView report={report.data} locale={locale} downloadBase={`/api/v1/targets/${policyId}`} />
      {decides ? <RecordRecognition policyId={policyId} report={report.data} locale={locale} /> : null}
      {meeting.data ? (
        <JointMeetingCard
          meeting={meeting.data}
          locale={locale}
          action={
            decides ? (seat) => <SetMember policyId={policyId} seat={seat} locale={locale} /> : undefined
          }
        />
      ) : null}
      {decides && meeting.data ? (
        <MeetingHistory policyId={policyId} seats={meeting.data.seats} locale={locale} />
      ) : null}
    </Space>
  );
}

interface RecognitionValues {
  platformId: string;
  typeId: string;
  tier: "national" | "provincial" | "city";
  recognizedOn: string;
  documentNumber?: string;
}

function RecordRecognition({
  policyId,
  report,
  locale,
}: {
  policyId: string;
  report: Report;
  locale: Locale;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RecognitionValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const platforms = useQuery(trpc.targets.platforms.queryOptions({ policyId }));
  const record = useMutation(
    trpc.targets.recordRecognition.mutationOptions({
      onSuccess: async () => {
        void message.success(t("targets.record.done"));
        form.resetFields(["platformId", "documentNumber"]);
        // The next recognition is a new one: a new key.
        setIdempotencyKey(newIdempotencyKey());
        await client.invalidateQueries({ queryKey: trpc.targets.report.queryKey({ policyId }) });
      },
    }),
  );
  const types = report.rows.filter((r) => r.year === report.baseYear);
  const today = chinaToday();
  return (
    <Card size="small" title={t("targets.record.title")} data-testid="record-recognition">
      <Typography.Paragraph type="secondary">{t("targets.record.hint")}</Typography.Paragraph>
      {platforms.data && platforms.data.length === 0 ? (
        <Typography.Paragraph>{t("targets.record.noPlatforms")}</Typography.Paragraph>
      ) : (
        <Form<RecognitionValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 640 }}
          initialValues={{ tier: "provincial", recognizedOn: today }}
          onFinish={(values) =>
            record.mutate({
              ...values,
              documentNumber: values.documentNumber?.trim() || undefined,
              idempotencyKey,
            })
          }
        >
          <Form.Item
            name="platformId"
            label={t("targets.record.platform")}
            rules={[{ required: true, message: t("targets.record.platformRequired") }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={platforms.isPending}
              data-testid="recognition-platform"
              options={(platforms.data ?? []).map((p) => ({
                value: p.id,
                label: p.name,
                "data-testid": `recognition-platform-${p.id}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="typeId"
            label={t("targets.record.type")}
            rules={[{ required: true, message: t("targets.record.typeRequired") }]}
          >
            <Select
              data-testid="recognition-type"
              options={types.map((r) => ({
                value: r.type,
                label: localized(r.typeName, locale),
                "data-testid": `recognition-type-${r.type}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="tier" label={t("targets.record.tier")} rules={[{ required: true }]}>
            <Select
              data-testid="recognition-tier"
              options={(["national", "provincial", "city"] as const).map((tier) => ({
                value: tier,
                label: t(`targets.record.tiers.${tier}`),
                "data-testid": `recognition-tier-${tier}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="recognizedOn"
            label={t("targets.record.recognizedOn")}
            rules={[{ required: true, message: t("targets.record.dateRequired") }]}
          >
            <Input type="date" max={today} data-testid="recognition-date" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t("targets.record.documentNumber")}>
            <Input maxLength={100} data-testid="recognition-document" />
          </Form.Item>
          {record.isError ? <InlineError error={record.error} /> : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={record.isPending}
            data-testid="recognition-submit"
          >
            {t("targets.record.submit")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

interface MemberValues {
  name: string;
  department: string;
  since: string;
}

function SetMember({
  policyId,
  seat,
  locale,
}: {
  policyId: string;
  seat: JointMeetingSeatView;
  locale: Locale;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<MemberValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const save = useMutation(
    trpc.targets.setJointMeetingMember.mutationOptions({
      onSuccess: async () => {
        void message.success(t("targets.jointMeeting.done"));
        setOpen(false);
        setIdempotencyKey(newIdempotencyKey());
        form.resetFields();
        await client.invalidateQueries({ queryKey: trpc.targets.jointMeeting.queryKey({ policyId }) });
        await client.invalidateQueries({ queryKey: trpc.targets.jointMeetingHistory.queryKey({ policyId }) });
      },
    }),
  );
  const today = chinaToday();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`joint-meeting-set-${seat.id}`}>
        {t("targets.jointMeeting.set")}
      </Button>
      <Modal
        open={open}
        title={t("targets.jointMeeting.setTitle", { seat: localized(seat.title, locale) })}
        okText={t("targets.jointMeeting.submit")}
        cancelText={t("targets.jointMeeting.cancel")}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("targets.jointMeeting.hint")}</Typography.Paragraph>
        <Form<MemberValues>
          form={form}
          layout="vertical"
          initialValues={{ since: today }}
          onFinish={(values) =>
            save.mutate({
              policyId,
              seatId: seat.id,
              name: values.name.trim(),
              department: values.department.trim(),
              since: values.since,
              idempotencyKey,
            })
          }
        >
          <Form.Item
            name="name"
            label={t("targets.jointMeeting.name")}
            rules={[{ required: true, whitespace: true, message: t("targets.jointMeeting.nameRequired") }]}
          >
            <Input maxLength={50} data-testid="joint-meeting-name" />
          </Form.Item>
          <Form.Item
            name="department"
            label={t("targets.jointMeeting.department")}
            rules={[
              { required: true, whitespace: true, message: t("targets.jointMeeting.departmentRequired") },
            ]}
          >
            <Input maxLength={100} data-testid="joint-meeting-department" />
          </Form.Item>
          <Form.Item
            name="since"
            label={t("targets.jointMeeting.since")}
            rules={[{ required: true, message: t("targets.jointMeeting.sinceRequired") }]}
          >
            <Input type="date" max={today} data-testid="joint-meeting-since" />
          </Form.Item>
          {save.isError ? <InlineError error={save.error} /> : null}
        </Form>
      </Modal>
    </>
  );
}

function MeetingHistory({
  policyId,
  seats,
  locale,
}: {
  policyId: string;
  seats: readonly JointMeetingSeatView[];
  locale: Locale;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const history = useQuery(trpc.targets.jointMeetingHistory.queryOptions({ policyId }));
  return (
    <Collapse
      items={[
        {
          key: "history",
          label: t("targets.jointMeeting.history"),
          children: (
            <Table
              size="small"
              rowKey="id"
              loading={history.isPending}
              pagination={false}
              dataSource={history.data ?? []}
              columns={[
                {
                  title: targetsViewMessages[locale].seat,
                  dataIndex: "seatId",
                  render: (id: string) => {
                    const seat = seats.find((s) => s.id === id);
                    return seat ? localized(seat.title, locale) : id;
                  },
                },
                { title: t("targets.jointMeeting.name"), dataIndex: "name" },
                { title: t("targets.jointMeeting.department"), dataIndex: "department" },
                {
                  title: t("targets.jointMeeting.since"),
                  dataIndex: "since",
                  render: (v: string) => formatDate(v, locale),
                },
                {
                  title: t("targets.jointMeeting.until"),
                  dataIndex: "until",
                  render: (v: string | null) =>
                    v ? formatDate(v, locale) : t("targets.jointMeeting.current"),
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
