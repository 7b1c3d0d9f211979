import type { SessionUser } from "@kechuang/domain";
import {
  citationHref,
  ErrorState,
  formatDate,
  InlineError,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
  useTRPCClient,
} from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";
import { chinaToday } from "../workflow/dates";
import { consequenceLines, type EvaluationDetail } from "./consequence";
import { PlatformOversight } from "./PlatformOversight";
import { SourceConflictsNotice } from "./SourceConflictsNotice";

/**
 * One evaluation: who evaluates (experts without a conflict, or the module's third party), the data and
 * material per focus area, and — for the authority — the grade, with its consequence shown before confirming.
 */
export function EvaluationPage({ locale, user }: { locale: Locale; user: SessionUser }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const { evaluationId = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const detail = useQuery(trpc.evaluations.get.queryOptions({ evaluationId }));
  const isAuthority = user.role === "authority";
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const queryClient = useQueryClient();
  // A grade changes the platform's oversight card and the lists too, not just this evaluation.
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() });
  };
  return (
    <div data-testid="evaluation-page" data-ready={!detail.isPending} data-status={data?.status}>
      <PageHeader
        title={data?.platform.name ?? t("evaluations.detail.loading")}
        subtitle={data ? t(`evaluations.kind.${data.kind}`) : undefined}
        extra={
          <Button onClick={() => navigate("/review/evaluations")}>{t("evaluations.detail.back")}</Button>
        }
      />
      {data ? (
        <Flex vertical gap={16}>
          <Card>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: "status",
                  label: t("evaluations.list.status"),
                  children: (
                    <Tag color={data.status === "graded" ? "green" : "blue"} data-testid="evaluation-status">
                      {t(`evaluations.status.${data.status}`)}
                    </Tag>
                  ),
                },
                {
                  key: "period",
                  label: t("evaluations.detail.period"),
                  children: `${formatDate(data.periodFrom, locale)} – ${formatDate(data.periodTo, locale)}`,
                },
                {
                  key: "rule",
                  label: t("evaluations.detail.rule"),
                  children: data.policy.citation ? (
                    <a href={citationHref(data.policy.citation)}>
                      {data.policy.citation.source} {data.policy.citation.clause}：
                      {data.policy.citation.quote}
                    </a>
                  ) : (
                    data.policy.ruleId
                  ),
                },
                ...(data.round
                  ? [{ key: "round", label: t("evaluations.list.round"), children: data.round.title }]
                  : []),
              ]}
            />
          </Card>
          {isAuthority ? (
            <SourceConflictsNotice conflicts={data.policy.sourceConflicts} locale={locale} />
          ) : null}
          <EvaluatorsCard data={data} isAuthority={isAuthority} onChanged={refresh} />
          <MaterialCard data={data} locale={locale} onChanged={refresh} />
          {data.status === "graded" ? (
            <ResultCard data={data} locale={locale} />
          ) : isAuthority && data.platform.status !== "delisted" ? (
            <GradeCard data={data} locale={locale} onChanged={refresh} />
          ) : null}
          {isAuthority ? <PlatformOversight platformId={data.platform.id} /> : null}
        </Flex>
      ) : null}
    </div>
  );
}

function EvaluatorsCard({
  data,
  isAuthority,
  onChanged,
}: {
  data: EvaluationDetail;
  isAuthority: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const editable = isAuthority && data.status === "open" && data.platform.status !== "delisted";
  const candidates = useQuery({
    ...trpc.evaluations.expertCandidates.queryOptions({ evaluationId: data.id }),
    enabled: editable && !data.policy.thirdParty,
  });
  const [expertId, setExpertId] = useState<string | undefined>();
  const [name, setName] = useState(data.evaluatorName ?? "");
  const assign = useMutation(
    trpc.evaluations.assignExpert.mutationOptions({
      onSuccess: async () => {
        const who = candidates.data?.find((c) => c.expertId === expertId)?.name ?? "";
        void message.success(t("evaluations.detail.assigned", { name: who }));
        setExpertId(undefined);
        await onChanged();
      },
    }),
  );
  const thirdParty = useMutation(
    trpc.evaluations.recordThirdParty.mutationOptions({
      onSuccess: async () => {
        void message.success(t("evaluations.detail.thirdPartySaved"));
        await onChanged();
      },
    }),
  );
  const seated = new Set(data.experts.map((e) => e.expertId));

  if (data.policy.thirdParty) {
    return (
      <Card title={t("evaluations.detail.thirdParty")} data-testid="third-party-card">
        <Typography.Paragraph type="secondary">{t("evaluations.detail.thirdPartyHint")}</Typography.Paragraph>
        {editable ? (
          <Flex gap={8}>
            <Input
              style={{ maxWidth: 360 }}
              value={name}
              aria-label={t("evaluations.detail.thirdPartyName")}
              placeholder={t("evaluations.detail.thirdPartyName")}
              onChange={(e) => setName(e.target.value)}
              data-testid="third-party-name"
            />
            <Button
              disabled={name.trim() === ""}
              loading={thirdParty.isPending}
              data-testid="third-party-save"
              onClick={() => thirdParty.mutate({ evaluationId: data.id, evaluatorName: name.trim() })}
            >
              {t("evaluations.detail.thirdPartySave")}
            </Button>
          </Flex>
        ) : (
          <Typography.Text strong>{data.evaluatorName ?? "—"}</Typography.Text>
        )}
        {thirdParty.isError ? <InlineError error={thirdParty.error} /> : null}
      </Card>
    );
  }
  return (
    <Card title={t("evaluations.detail.experts")} data-testid="experts-card">
      {data.experts.length === 0 ? (
        <Typography.Text type="secondary">{t("evaluations.detail.expertsEmpty")}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data.experts}
          renderItem={(e) => (
            <List.Item key={e.expertId} data-testid={`evaluation-expert-${e.expertId}`}>
              {e.name}
              {e.organization ? ` · ${e.organization}` : ""}
            </List.Item>
          )}
        />
      )}
      {editable ? (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Select
            style={{ minWidth: 360 }}
            value={expertId}
            placeholder={t("evaluations.detail.chooseExpert")}
            loading={candidates.isPending}
            onChange={setExpertId}
            data-testid="expert-select"
            options={(candidates.data ?? [])
              .filter((c) => !seated.has(c.expertId))
              .map((c) => ({
                "data-testid": `expert-option-${c.expertId}`,
                "data-conflict": c.conflict ? "true" : "false",
                value: c.expertId,
                label: `${c.name}${c.organization ? ` · ${c.organization}` : ""}${
                  c.conflict ? ` · ${t("evaluations.detail.conflict")}` : ""
                }`,
              }))}
          />
          <Button
            disabled={!expertId}
            loading={assign.isPending}
            data-testid="expert-assign"
            onClick={() =>
              expertId &&
              assign.mutate({ evaluationId: data.id, expertId, idempotencyKey: newIdempotencyKey() })
            }
          >
            {t("evaluations.detail.assign")}
          </Button>
        </Flex>
      ) : null}
      {assign.isError ? (
        <div style={{ marginTop: 12 }}>
          <InlineError error={assign.error} />
        </div>
      ) : null}
    </Card>
  );
}

type AreaValues = { data: { indicator: string; value: number; unit?: string }[]; material: string };

function MaterialCard({
  data,
  locale,
  onChanged,
}: {
  data: EvaluationDetail;
  locale: Locale;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, AreaValues>>();
  const editable = data.status === "open" && data.platform.status !== "delisted";
  // Modules without focus areas take one general entry (the server accepts "general" for them).
  const areas =
    data.policy.focusAreas.length > 0
      ? data.policy.focusAreas.map((a) => ({ id: a.id, name: localized(a.name, locale) }))
      : [{ id: "general", name: t("evaluations.detail.general") }];
  const save = useMutation(
    trpc.evaluations.saveMaterial.mutationOptions({
      onSuccess: async () => {
        void message.success(t("evaluations.detail.materialSaved"));
        await onChanged();
      },
    }),
  );
  const initial = Object.fromEntries(
    areas.map((a) => [a.id, data.material[a.id] ?? { data: [], material: "" }]),
  ) as Record<string, AreaValues>;
  return (
    <Card title={t("evaluations.detail.material")} data-testid="material-card">
      <Typography.Paragraph type="secondary">{t("evaluations.detail.materialHint")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        onFinish={(values) =>
          save.mutate({
            evaluationId: data.id,
            material: Object.fromEntries(
              areas.map((a) => [
                a.id,
                {
                  data: (values[a.id]?.data ?? []).filter((d) => d?.indicator?.trim()),
                  material: values[a.id]?.material ?? "",
                },
              ]),
            ),
          })
        }
      >
        {areas.map((area) => (
          <div key={area.id} data-testid={`focus-area-${area.id}`}>
            <Typography.Title level={5}>{area.name}</Typography.Title>
            <Form.List name={[area.id, "data"]}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item
                        name={[field.name, "indicator"]}
                        rules={[{ required: true, whitespace: true }]}
                      >
                        <Input placeholder={t("evaluations.detail.indicator")} />
                      </Form.Item>
                      <Form.Item name={[field.name, "value"]} rules={[{ required: true }]}>
                        <InputNumber placeholder={t("evaluations.detail.value")} />
                      </Form.Item>
                      <Form.Item name={[field.name, "unit"]}>
                        <Input placeholder={t("evaluations.detail.unit")} style={{ width: 100 }} />
                      </Form.Item>
                      {editable ? <Button onClick={() => remove(field.name)}>−</Button> : null}
                    </Space>
                  ))}
                  {editable ? (
                    <Button
                      type="dashed"
                      onClick={() => add({ indicator: "", value: 0 })}
                      style={{ marginBottom: 12 }}
                    >
                      {t("evaluations.detail.addIndicator")}
                    </Button>
                  ) : null}
                </>
              )}
            </Form.List>
            <Form.Item name={[area.id, "material"]} label={t("evaluations.detail.qualitative")}>
              <Input.TextArea rows={3} data-testid={`material-${area.id}`} />
            </Form.Item>
          </div>
        ))}
        {editable ? (
          <Button htmlType="submit" loading={save.isPending} data-testid="material-save">
            {t("evaluations.detail.saveMaterial")}
          </Button>
        ) : null}
      </Form>
      {save.isError ? <InlineError error={save.error} /> : null}
    </Card>
  );
}

type GradeValues = { gradeId?: string; findings: string; conductedOn: string; rectificationDueOn?: string };

function GradeCard({
  data,
  locale,
  onChanged,
}: {
  data: EvaluationDetail;
  locale: Locale;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<GradeValues>();
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const today = chinaToday(new Date());
  const gradeId = Form.useWatch("gradeId", form);
  const chosen = data.policy.grades.find((g) => g.id === gradeId);
  // Sichuan names no rectification period: the authority sets the date (a local setting, not a clause).
  const needsDueOn =
    data.kind !== "re-evaluation" && chosen?.consequence === "rectification" && !chosen.rectificationMonths;
  const grade = useMutation(
    trpc.evaluations.grade.mutationOptions({
      onSuccess: async () => {
        void message.success(t("evaluations.detail.graded"));
        await onChanged();
      },
    }),
  );
  const oversight = useQuery(trpc.evaluations.forPlatform.queryOptions({ platformId: data.platform.id }));
  const groundName = (id: string) => {
    const ground = oversight.data?.delistingAction?.grounds.find((g) => g.id === id);
    return ground ? localized(ground.text, locale) : id;
  };
  const submit = async (values: GradeValues) => {
    setPreviewError(null);
    const input = {
      evaluationId: data.id,
      gradeId: data.policy.grades.length > 0 ? (values.gradeId ?? null) : null,
      conductedOn: values.conductedOn,
      rectificationDueOn: needsDueOn ? values.rectificationDueOn : undefined,
    };
    try {
      const preview = await client.evaluations.previewGrade.query(input);
      const lines = consequenceLines(preview, groundName);
      modal.confirm({
        title: t("evaluations.detail.confirmTitle"),
        okText: t("evaluations.detail.confirmOk"),
        okButtonProps: { "data-testid": "grade-confirm" } as never,
        content: (
          <div data-testid="grade-consequence">
            <p>
              <strong>
                {chosen ? localized(chosen.name, locale) : t("evaluations.consequence.findings-only")}
              </strong>
            </p>
            {lines.map((line) => (
              <p key={line.key}>{t(line.key, line.values)}</p>
            ))}
          </div>
        ),
        onOk: () => grade.mutateAsync({ ...input, findings: values.findings.trim(), idempotencyKey }),
      });
    } catch (error) {
      setPreviewError(error);
    }
  };
  return (
    <Card title={t("evaluations.detail.grade")} data-testid="grade-card">
      <Form<GradeValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ conductedOn: today }}
      >
        {data.policy.grades.length > 0 ? (
          <Form.Item
            name="gradeId"
            label={t("evaluations.detail.gradeLabel")}
            rules={[
              {
                required: true,
                message: t("evaluations.detail.required", { field: t("evaluations.detail.gradeLabel") }),
              },
            ]}
          >
            <Radio.Group>
              {data.policy.grades.map((g) => (
                <Radio key={g.id} value={g.id} data-testid={`grade-${g.id}`}>
                  {localized(g.name, locale)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("evaluations.detail.noGrades")} />
        )}
        <Form.Item
          name="findings"
          label={t("evaluations.detail.findings")}
          extra={t("evaluations.detail.findingsHint")}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t("evaluations.detail.required", { field: t("evaluations.detail.findings") }),
            },
          ]}
        >
          <Input.TextArea rows={4} data-testid="grade-findings" />
        </Form.Item>
        <Form.Item
          name="conductedOn"
          label={t("evaluations.detail.conductedOn")}
          rules={[{ required: true }]}
        >
          <Input type="date" max={today} data-testid="grade-conducted-on" />
        </Form.Item>
        {needsDueOn ? (
          <Form.Item
            name="rectificationDueOn"
            label={t("evaluations.detail.rectificationDueOn")}
            extra={t("evaluations.detail.rectificationDueHint")}
            rules={[{ required: true }]}
          >
            <Input type="date" min={today} data-testid="grade-rectification-due" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" data-testid="grade-submit">
          {t("evaluations.detail.submitGrade")}
        </Button>
      </Form>
      {previewError ? <InlineError error={previewError} /> : null}
      {grade.isError ? <InlineError error={grade.error} /> : null}
    </Card>
  );
}

function ResultCard({ data, locale }: { data: EvaluationDetail; locale: Locale }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const grade = data.policy.grades.find((g) => g.id === data.gradeId);
  return (
    <Card title={t("evaluations.detail.result")} data-testid="result-card" data-grade={data.gradeId ?? ""}>
      <Typography.Paragraph type="secondary">{t("evaluations.detail.readonly")}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "grade",
            label: t("evaluations.detail.gradeLabel"),
            children: (
              <Space>
                <strong data-testid="result-grade">
                  {grade ? localized(grade.name, locale) : t("evaluations.consequence.findings-only")}
                </strong>
                {data.postSubsidy ? (
                  <Tag color="gold">{t("evaluations.consequence.postSubsidyTag")}</Tag>
                ) : null}
              </Space>
            ),
          },
          {
            key: "conductedOn",
            label: t("evaluations.detail.conductedOn"),
            children: data.conductedOn ? formatDate(data.conductedOn, locale) : "—",
          },
          {
            key: "evaluator",
            label: t("evaluations.detail.evaluators"),
            children: data.evaluatorName ?? (data.experts.map((e) => e.name).join("、") || "—"),
          },
          {
            key: "findings",
            label: t("evaluations.detail.findings"),
            children: (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{data.findings}</Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
