import { PrinterOutlined } from "@ant-design/icons";
import type { CenterFacts } from "@kechuang/domain";
import { EmptyState, ErrorState, type Locale, PageHeader, useTRPC, useTRPCClient } from "@kechuang/ui";
import { useMutation, useQueries, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Popconfirm, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CheckColumns, type PolicyCheck } from "./CheckColumns";
import { publicNamespace } from "./messages";
import { PrintSummary, printStyles } from "./PrintSummary";
import { portalPath } from "./paths";
import { SelfCheckForm } from "./SelfCheckForm";
import {
  clearValues,
  factsFromValues,
  governing,
  loadValues,
  type SelfCheckValues,
  saveValues,
  taskChoicesOf,
} from "./selfCheck";

const browserStore = () => (typeof window === "undefined" ? undefined : window.localStorage);

/** Fill the facts once, check them against every jurisdiction that governs the kind, side by side. */
export function SelfCheckPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<SelfCheckValues>();
  const [initialValues] = useState(() => loadValues(browserStore()));
  const [invalid, setInvalid] = useState(false);
  // The facts the shown results answer: the printed summary states these, not what was typed since.
  const [checkedFacts, setCheckedFacts] = useState<CenterFacts | null>(null);
  const policies = useQuery(trpc.policies.list.queryOptions());
  // The zone tasks come from the modules that govern zones (their factChoices), not from free text.
  const zonePolicies = governing(policies.data ?? [], "transfer-demonstration-zone");
  const zoneDetails = useQueries({
    queries: zonePolicies.map((policy) => trpc.policies.get.queryOptions({ policyId: policy.id })),
  });
  const taskChoices = taskChoicesOf(zoneDetails.map((detail) => detail.data));
  const taskChoicesError = zoneDetails.some((detail) => detail.isError);

  // Every governing module in parallel; one jurisdiction failing does not hide the others' answers.
  const resultsRef = useRef<HTMLDivElement>(null);
  const check = useMutation({
    onSuccess: () => resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }),
    mutationFn: async (values: SelfCheckValues): Promise<PolicyCheck[] | null> => {
      const result = factsFromValues(values);
      if (!result.ok) return null;
      setCheckedFacts(result.facts);
      const targets = governing(policies.data ?? [], result.facts.kind);
      const settled = await Promise.allSettled(
        targets.map((policy) => client.policies.check.mutate({ policyId: policy.id, facts: result.facts })),
      );
      return settled.map((outcome, index): PolicyCheck => {
        const policy = targets[index]!;
        return outcome.status === "fulfilled"
          ? { policy, ok: true, response: outcome.value }
          : { policy, ok: false, error: outcome.reason };
      });
    },
  });

  const run = async () => {
    try {
      await form.validateFields();
    } catch {
      setInvalid(true);
      return;
    }
    const values = form.getFieldsValue(true);
    const result = factsFromValues(values);
    setInvalid(!result.ok);
    if (result.ok) check.mutate(values);
  };

  // Coming back with saved facts shows their results straight away.
  const ranOnLoad = useRef(false);
  useEffect(() => {
    if (ranOnLoad.current || !policies.data || !initialValues.kind) return;
    ranOnLoad.current = true;
    void run();
  });

  const clear = () => {
    clearValues(browserStore());
    // resetFields would go back to the values loaded at start; blank every field instead.
    const blank = Object.fromEntries(Object.keys(form.getFieldsValue(true)).map((key) => [key, undefined]));
    form.setFieldsValue(blank);
    check.reset();
    setInvalid(false);
  };

  const footer = (
    <Flex gap="small" align="center" wrap>
      <Button
        type="primary"
        onClick={() => void run()}
        loading={check.isPending}
        data-testid="run-self-check"
      >
        {t("selfCheck.run")}
      </Button>
      <Popconfirm title={t("selfCheck.clearConfirm")} onConfirm={clear}>
        <Button data-testid="clear-self-check">{t("selfCheck.clear")}</Button>
      </Popconfirm>
      <Button
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        disabled={!check.data}
        data-testid="print-self-check"
      >
        {t("selfCheckPrint.print")}
      </Button>
      <Typography.Text type="secondary">{t("selfCheck.saved")}</Typography.Text>
      {invalid ? <Alert type="error" showIcon title={t("selfCheck.fixFields")} /> : null}
    </Flex>
  );

  return (
    <div className="kc-self-check">
      <style>{printStyles}</style>
      <div className="kc-screen-only">
        <PageHeader title={t("selfCheck.title")} subtitle={t("selfCheck.subtitle")} />
        <SelfCheckForm
          form={form}
          locale={locale}
          initialValues={initialValues}
          onValuesChange={() => saveValues(browserStore(), form.getFieldsValue(true))}
          footer={footer}
          taskChoices={taskChoices}
          taskChoicesError={taskChoicesError}
        />
      </div>
      {check.data && checkedFacts ? (
        <PrintSummary facts={checkedFacts} locale={locale} taskChoices={taskChoices} />
      ) : null}
      <div ref={resultsRef} />
      <Card
        size="small"
        title={t("selfCheck.results")}
        extra={<Typography.Text type="secondary">{t("selfCheck.resultsHint")}</Typography.Text>}
        style={{ marginTop: 16 }}
        data-testid="self-check-results"
      >
        {policies.isError ? (
          <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
        ) : check.isError ? (
          <ErrorState error={check.error} onRetry={() => void run()} />
        ) : check.isPending ? (
          <Spin tip={t("selfCheck.checking")} size="large">
            <div style={{ minHeight: 160 }} />
          </Spin>
        ) : !check.data ? (
          <EmptyState
            title={t("selfCheck.notRunTitle")}
            description={t("selfCheck.notRunHint")}
            next={{ label: t("selfCheck.run"), onClick: () => void run() }}
          />
        ) : check.data.length === 0 ? (
          <EmptyState
            title={t("selfCheck.noPolicyTitle")}
            description={t("selfCheck.noPolicyHint")}
            next={{ label: t("nav.library"), onClick: () => navigate(portalPath(basePath, "policies")) }}
          />
        ) : (
          <CheckColumns checks={check.data} locale={locale} />
        )}
      </Card>
    </div>
  );
}
