import {
  citationHref,
  ErrorState,
  formatDate,
  InlineError,
  type Locale,
  localized,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App as AntApp,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";
import { chinaToday } from "../workflow/dates";
import type { Oversight } from "./consequence";

const statusColor = { active: "green", rectifying: "orange", delisted: "red", cultivating: "blue" } as const;
const localeOf = (language: string): Locale => (language === "en" ? "en" : "zh-CN");

/**
 * One platform's oversight card for the authority: its evaluations, the open rectification (due date, the
 * platform's report, the re-evaluation that closes it), and the delisting (摘牌撤销) action with the module's
 * grounds, the verification, the decision's date and number, behind a confirmation.
 */
export function PlatformOversight({ platformId }: { platformId: string }) {
  const { t, i18n } = useTranslation([reviewerNamespace, "common"]);
  const locale = localeOf(i18n.language);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const oversight = useQuery(trpc.evaluations.forPlatform.queryOptions({ platformId }));
  const queryClient = useQueryClient();
  const reEvaluate = useMutation(
    trpc.evaluations.openReEvaluation.mutationOptions({
      onSuccess: (result) => {
        void message.success(t("evaluations.oversight.reEvaluationOpened"));
        navigate(`/review/evaluations/${result.evaluationId}`);
      },
    }),
  );
  if (oversight.isError)
    return <ErrorState error={oversight.error} onRetry={() => void oversight.refetch()} />;
  const data = oversight.data;
  const today = chinaToday(new Date());
  const gradeName = (id: string | null) => {
    const grade = data?.grades.find((g) => g.id === id);
    return grade ? localized(grade.name, locale) : (id ?? "—");
  };
  const open =
    data?.rectifications.filter((r) => r.status === "open" || r.status === "response-submitted") ?? [];
  const closed = data?.rectifications.filter((r) => r.status === "accepted" || r.status === "failed") ?? [];

  return (
    <Card
      title={t("evaluations.oversight.title")}
      loading={oversight.isPending}
      data-testid="platform-oversight"
      data-ready={!oversight.isPending}
      data-status={data?.platform.status}
      extra={
        data ? (
          <Tag color={statusColor[data.platform.status]} data-testid="oversight-status">
            {t(`evaluations.platformStatus.${data.platform.status}`)}
          </Tag>
        ) : null
      }
    >
      {data ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t("evaluations.oversight.evaluations")}
          </Typography.Title>
          {data.evaluations.length === 0 ? (
            <Typography.Text type="secondary">{t("evaluations.oversight.evaluationsEmpty")}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={data.evaluations}
              renderItem={(e) => (
                <List.Item
                  key={e.id}
                  data-testid={`oversight-evaluation-${e.id}`}
                  extra={
                    <Button type="link" onClick={() => navigate(`/review/evaluations/${e.id}`)}>
                      {t("evaluations.list.open")}
                    </Button>
                  }
                >
                  <Space wrap>
                    <span>{t(`evaluations.kind.${e.kind}`)}</span>
                    <Tag color={e.status === "graded" ? "green" : "blue"}>
                      {t(`evaluations.status.${e.status}`)}
                    </Tag>
                    {e.status === "graded" ? <strong>{gradeName(e.gradeId)}</strong> : null}
                    {e.conductedOn ? formatDate(e.conductedOn, locale) : null}
                    {e.postSubsidy ? (
                      <Tag color="gold">{t("evaluations.consequence.postSubsidyTag")}</Tag>
                    ) : null}
                  </Space>
                </List.Item>
              )}
            />
          )}

          <Typography.Title level={5}>{t("evaluations.oversight.rectification")}</Typography.Title>
          {open.length === 0 && closed.length === 0 ? (
            <Typography.Text type="secondary">
              {t("evaluations.oversight.rectificationEmpty")}
            </Typography.Text>
          ) : null}
          {[...open, ...closed].map((r) => (
            <Descriptions
              key={r.id}
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 12 }}
              data-testid={`oversight-rectification-${r.id}`}
              data-status={r.status}
              items={[
                {
                  key: "status",
                  label: t("evaluations.list.status"),
                  children: (
                    <Space>
                      <Tag>{t(`evaluations.oversight.rectStatus.${r.status}`)}</Tag>
                      {r.citation ? (
                        <Tooltip title={r.citation.quote}>
                          <a href={citationHref(r.citation)}>
                            {r.citation.source} {r.citation.clause}
                          </a>
                        </Tooltip>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  key: "startsOn",
                  label: t("evaluations.oversight.startsOn"),
                  children: formatDate(r.startsOn, locale),
                },
                {
                  key: "dueOn",
                  label: t("evaluations.oversight.dueOn"),
                  children: formatDate(r.dueOn, locale),
                },
                {
                  key: "response",
                  label: t("evaluations.oversight.response"),
                  children: r.response ? (
                    <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                      {r.response}
                    </Typography.Paragraph>
                  ) : (
                    <Typography.Text type="secondary">
                      {t("evaluations.oversight.responseMissing")}
                    </Typography.Text>
                  ),
                },
                {
                  key: "action",
                  label: " ",
                  children: r.reEvaluationId ? (
                    <Button onClick={() => navigate(`/review/evaluations/${r.reEvaluationId}`)}>
                      {t("evaluations.oversight.reEvaluation")}
                    </Button>
                  ) : data.delistingAction && data.platform.status !== "delisted" ? (
                    <Tooltip
                      title={
                        today < r.dueOn
                          ? t("evaluations.oversight.reEvaluateFrom", { date: formatDate(r.dueOn, locale) })
                          : undefined
                      }
                    >
                      <Button
                        disabled={today < r.dueOn}
                        loading={reEvaluate.isPending}
                        data-testid={`re-evaluate-${r.id}`}
                        onClick={() =>
                          reEvaluate.mutate({ rectificationId: r.id, idempotencyKey: newIdempotencyKey() })
                        }
                      >
                        {t("evaluations.oversight.reEvaluate")}
                      </Button>
                    </Tooltip>
                  ) : null,
                },
              ]}
            />
          ))}
          {reEvaluate.isError ? <InlineError error={reEvaluate.error} /> : null}

          <Typography.Title level={5}>{t("evaluations.oversight.delisting")}</Typography.Title>
          {data.delisting ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="oversight-delisting"
              items={[
                {
                  key: "decidedOn",
                  label: t("evaluations.oversight.delistedOn"),
                  children: formatDate(data.delisting.decidedOn, locale),
                },
                {
                  key: "grounds",
                  label: t("evaluations.oversight.grounds"),
                  children: data.delisting.groundIds
                    .map((id) => {
                      const ground = data.delistingAction?.grounds.find((g) => g.id === id);
                      return ground ? localized(ground.text, locale) : id;
                    })
                    .join("；"),
                },
                {
                  key: "rule",
                  label: t("evaluations.detail.rule"),
                  children: data.delisting.citation ? (
                    <a href={citationHref(data.delisting.citation)} title={data.delisting.citation.quote}>
                      {data.delisting.citation.source} {data.delisting.citation.clause}：
                      {data.delisting.citation.quote}
                    </a>
                  ) : (
                    data.delisting.ruleId
                  ),
                },
                {
                  key: "verification",
                  label: t("evaluations.oversight.verification"),
                  children: data.delisting.verification ?? "—",
                },
                {
                  key: "documentNumber",
                  label: t("evaluations.oversight.documentNumber"),
                  children: data.delisting.documentNumber ?? "—",
                },
              ]}
            />
          ) : data.delistingAction && data.delistingAction.grounds.length > 0 ? (
            <DelistAction
              platformId={platformId}
              action={data.delistingAction}
              locale={locale}
              onDone={async () => {
                // The evaluation screens around the card read the platform's status too.
                await queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() });
              }}
            />
          ) : data.delistingAction ? (
            <Typography.Text type="secondary">{t("evaluations.oversight.noGrounds")}</Typography.Text>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

type DelistValues = { groundIds: string[]; verification: string; decidedOn: string; documentNumber?: string };

function DelistAction({
  platformId,
  action,
  locale,
  onDone,
}: {
  platformId: string;
  action: NonNullable<Oversight["delistingAction"]>;
  locale: Locale;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<DelistValues>();
  const [open, setOpen] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const today = chinaToday(new Date());
  const delist = useMutation(
    trpc.evaluations.delist.mutationOptions({
      onSuccess: async () => {
        void message.success(t("evaluations.oversight.delisted"));
        setOpen(false);
        setIdempotencyKey(newIdempotencyKey());
        await onDone();
      },
    }),
  );
  const submit = (values: DelistValues) => {
    // A second, explicit confirmation: a revocation is public and final.
    modal.confirm({
      title: t("evaluations.oversight.confirmDelistTitle"),
      content: t("evaluations.oversight.confirmDelist"),
      okText: t("evaluations.oversight.confirmDelistOk"),
      okButtonProps: { danger: true, "data-testid": "delist-confirm" } as ButtonProps,
      onOk: () =>
        delist.mutateAsync({
          platformId,
          groundIds: values.groundIds,
          verification: values.verification.trim(),
          decidedOn: values.decidedOn,
          documentNumber: values.documentNumber?.trim() || undefined,
          idempotencyKey,
        }),
    });
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="delist-open">
        {t("evaluations.oversight.delist")}
      </Button>
      {action.citation ? (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          <a href={citationHref(action.citation)} title={action.citation.quote}>
            {action.citation.source} {action.citation.clause}
          </a>
        </Typography.Text>
      ) : null}
      <Modal
        open={open}
        title={t("evaluations.oversight.delistTitle")}
        okText={t("evaluations.oversight.delistOk")}
        okButtonProps={{ danger: true, "data-testid": "delist-next" } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("evaluations.oversight.delistHint")}</Typography.Paragraph>
        <Form<DelistValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          // Nothing pre-ticked: each ground is one the authority verified (经审定情况属实), the tag only hints.
          initialValues={{ groundIds: [], decidedOn: today }}
        >
          <Form.Item
            name="groundIds"
            label={t("evaluations.oversight.grounds")}
            rules={[
              { required: true, type: "array", min: 1, message: t("evaluations.oversight.chooseGround") },
            ]}
          >
            <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 6 }}>
              {action.grounds.map((g) => (
                <Checkbox key={g.id} value={g.id} data-testid={`delist-ground-${g.id}`}>
                  {localized(g.text, locale)}
                  {action.proposedGroundIds.includes(g.id) ? (
                    <Tag color="orange" style={{ marginLeft: 6 }}>
                      {t("evaluations.oversight.supported")}
                    </Tag>
                  ) : null}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item
            name="verification"
            label={t("evaluations.oversight.verification")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("evaluations.detail.required", { field: t("evaluations.oversight.verification") }),
              },
            ]}
          >
            <Input.TextArea rows={3} data-testid="delist-verification" />
          </Form.Item>
          <Form.Item
            name="decidedOn"
            label={t("evaluations.oversight.decidedOn")}
            rules={[{ required: true }]}
          >
            <Input type="date" max={today} data-testid="delist-decided-on" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t("evaluations.oversight.documentNumber")}>
            <Input data-testid="delist-document-number" />
          </Form.Item>
        </Form>
        {delist.isError ? <InlineError error={delist.error} /> : null}
      </Modal>
    </>
  );
}
