import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import {
  type CenterFacts,
  type CheckResponse,
  centerFactsSchema,
  outlineCompleteness,
  type PlanContent,
  planContentSchema,
  platformKindSchema,
} from "@kechuang/domain";
import {
  ErrorState,
  type Locale,
  localized,
  PageHeader,
  StageTag,
  useTRPC,
  useTRPCClient,
} from "@kechuang/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Form, Space, Spin, Tabs, Tag } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { AttachmentsPanel } from "./editor/AttachmentsPanel";
import { EligibilityPanel } from "./editor/EligibilityPanel";
import { FactsForm } from "./editor/FactsForm";
import { PlanForm } from "./editor/PlanForm";
import { SubmitPanel } from "./editor/SubmitPanel";
import { applicantNamespace } from "./messages";
import { type ApplicationDetail, outlineOf } from "./workflow/api";
import { type SaveStatus, saveStatusKey } from "./workflow/autosave";
import { factsFromForm } from "./workflow/facts";
import { planFromForm } from "./workflow/plan";
import { stageText } from "./workflow/stageText";
import { submitAction } from "./workflow/submission";
import { useApplication } from "./workflow/useApplication";
import { useAutosave } from "./workflow/useAutosave";

const eligibilityDelayMs = 600;

export function ApplicationEditorPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { id = "" } = useParams();
  const { t } = useTranslation([applicantNamespace, "common"]);
  const application = useApplication(id);
  if (application.isPending) return <Spin tip={t("editor.loading")} size="large" />;
  if (application.isError)
    return <ErrorState error={application.error} onRetry={() => void application.refetch()} />;
  // Remount the editor on every reload so forms start from what the server holds.
  return (
    <Editor
      key={`${application.data.id}:${application.data.version}:${application.dataUpdatedAt}`}
      app={application.data}
      basePath={basePath}
      locale={locale}
    />
  );
}

function Editor({ app, basePath, locale }: { app: ApplicationDetail; basePath: string; locale: Locale }) {
  const { t, i18n } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const [factsForm] = Form.useForm();
  const [planForm] = Form.useForm();
  const outline = outlineOf(app);
  const kind = platformKindSchema.parse(app.kind);
  const storedFacts = useMemo(() => {
    const parsed = centerFactsSchema.safeParse(app.facts);
    return parsed.success ? parsed.data : null;
  }, [app.facts]);
  const storedPlan = useMemo(() => {
    const parsed = planContentSchema.safeParse(app.plan);
    return parsed.success ? parsed.data : {};
  }, [app.plan]);
  const action = submitAction(app.availableActions);
  const editable = app.editable && action !== null;
  const stageName = (stage: string) => stageText(t, (key) => i18n.exists(key), stage);

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({
      queryKey: trpc.applications.get.queryKey({ applicationId: app.id }),
    });
  }, [queryClient, trpc, app.id]);
  const onConflict = useCallback(() => {
    modal.warning({ title: t("editor.save.conflict"), onOk: reload, onCancel: reload });
  }, [modal, t, reload]);
  const autosave = useAutosave(app.id, app.version, onConflict);

  // Live state of the two forms: completeness and eligibility follow what is typed, not what is saved.
  const [plan, setPlan] = useState<PlanContent>(storedPlan);
  const [invalidFacts, setInvalidFacts] = useState<string[]>([]);
  const check = useMutation(trpc.policies.check.mutationOptions());
  const checkTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { mutate: runCheckNow } = check;
  const runCheck = useCallback(
    (facts: CenterFacts) => {
      clearTimeout(checkTimer.current);
      checkTimer.current = setTimeout(
        () => runCheckNow({ policyId: app.policyId, facts }),
        eligibilityDelayMs,
      );
    },
    [runCheckNow, app.policyId],
  );
  useEffect(() => () => clearTimeout(checkTimer.current), []);

  const completeness = useMemo(
    () => (outline ? outlineCompleteness(outline, plan) : app.completeness),
    [outline, app.completeness, plan],
  );

  const onFactsChange = (values: unknown) => {
    const result = factsFromForm(kind, values);
    if (!result.ok) {
      setInvalidFacts(result.paths);
      return;
    }
    setInvalidFacts([]);
    autosave.change({ facts: result.facts });
    runCheck(result.facts);
  };
  const onPlanChange = (values: unknown) => {
    if (!outline) return;
    const next = planFromForm(outline, values);
    setPlan(next);
    autosave.change({ plan: next });
  };

  const submit = useMutation({
    mutationFn: async () => {
      await autosave.flush();
      return client.applications.submit.mutate({
        applicationId: app.id,
        expectedVersion: autosave.currentVersion(),
        idempotencyKey: crypto.randomUUID(),
      });
    },
    onSuccess: () => {
      message.success(t("submit.done"));
      void queryClient.invalidateQueries({ queryKey: trpc.applications.listMine.queryKey() });
      reload();
    },
  });

  const eligibility: CheckResponse | null = check.data ?? app.eligibility;

  return (
    <div>
      <PageHeader
        title={app.title}
        subtitle={
          <Space>
            <StageTag stage={app.stage} />
            {editable ? <SaveIndicator status={autosave.status} /> : null}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => navigate(`${basePath}/${app.id}/history`)} data-testid="open-history">
              {t("editor.history")}
            </Button>
            <Button onClick={() => navigate(`${basePath}/${app.id}/versions`)} data-testid="open-versions">
              {t("editor.versions")}
            </Button>
          </Space>
        }
      />
      {!editable ? (
        <Alert
          type="info"
          showIcon
          title={t("editor.readOnly", { stage: localized(app.stageName, locale) })}
          style={{ marginBottom: 16 }}
          data-testid="read-only"
        />
      ) : app.stage === "returned" ? (
        <Alert type="warning" showIcon title={t("editor.returnedHint")} style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        items={[
          {
            key: "facts",
            label: t("editor.tabs.facts"),
            children: (
              <Space direction="vertical" style={{ width: "100%" }} size="large">
                <EligibilityPanel
                  check={eligibility}
                  checking={check.isPending}
                  error={check.error}
                  invalidPaths={invalidFacts}
                  locale={locale}
                />
                <FactsForm
                  form={factsForm}
                  kind={kind}
                  choices={app.factChoices}
                  initial={storedFacts}
                  disabled={!editable}
                  locale={locale}
                  onChange={onFactsChange}
                />
              </Space>
            ),
          },
          {
            key: "plan",
            label: t("editor.tabs.plan"),
            children: (
              <PlanForm
                form={planForm}
                outline={outline}
                initial={storedPlan}
                completeness={completeness}
                disabled={!editable}
                locale={locale}
                onChange={onPlanChange}
              />
            ),
          },
          {
            key: "attachments",
            label: t("editor.tabs.attachments"),
            children: (
              <AttachmentsPanel target={{ applicationId: app.id }} disabled={!editable} locale={locale} />
            ),
          },
          {
            key: "submit",
            label: t("editor.tabs.submit"),
            children: (
              <SubmitPanel
                action={editable ? action : null}
                completeness={completeness}
                outline={outline}
                eligibility={eligibility}
                targetStage={action ? stageName(action.to) : ""}
                submitting={submit.isPending}
                error={submit.error}
                locale={locale}
                onSubmit={() => submit.mutate()}
              />
            ),
          },
        ]}
        // Forms stay mounted across tabs so autosave and completeness see every field.
        destroyOnHidden={false}
      />
    </div>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation(applicantNamespace);
  const key = saveStatusKey(status);
  if (!key) return null;
  const icon =
    status === "saving" ? (
      <LoadingOutlined />
    ) : status === "saved" ? (
      <CheckCircleOutlined />
    ) : status === "failed" || status === "conflict" ? (
      <CloseCircleOutlined />
    ) : null;
  const color =
    status === "saved" ? "success" : status === "failed" || status === "conflict" ? "error" : "processing";
  return (
    <Tag icon={icon} color={color} data-testid="save-status" data-status={status}>
      {t(key)}
    </Tag>
  );
}
