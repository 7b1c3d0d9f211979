import type { RouterOutputs } from "@kechuang/api";
import type { ReportedIndicator } from "@kechuang/domain";
import {
  ErrorState,
  formatDate,
  InlineError,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { AttachmentsPanel } from "../editor/AttachmentsPanel";
import { applicantNamespace } from "../messages";

type View = RouterOutputs["annualReports"]["get"];

/** Quiet time after the last keystroke before the draft saves itself. */
const autosaveDelayMs = 1500;

export function ReportEditorPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { platformId = "", year = "" } = useParams();
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const key = { platformId, yearCovered: Number(year) };
  const view = useQuery(trpc.annualReports.get.queryOptions(key));
  if (view.isPending) return <Spin tip={t("platforms.editor.loading")} size="large" />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  // Remount on every reload so the form starts from what the server holds.
  return (
    <Editor
      key={`${view.data.report?.version ?? 0}:${view.dataUpdatedAt}`}
      view={view.data}
      basePath={basePath}
      locale={locale}
    />
  );
}

const isConflict = (error: unknown) => error instanceof TRPCClientError && error.data?.code === "CONFLICT";

function Editor({ view, basePath, locale }: { view: View; basePath: string; locale: Locale }) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { modal, message } = AntApp.useApp();
  const report = view.report;
  const editable = !report || report.status === "draft" || report.status === "returned";
  const [sections, setSections] = useState<Record<string, string>>(report?.content.sections ?? {});
  const [indicators, setIndicators] = useState<ReportedIndicator[]>(report?.content.indicators ?? []);
  const [version, setVersion] = useState<number | undefined>(report?.version);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Edits typed while a save is in flight keep the form "unsaved" after that save returns.
  const edits = useRef(0);
  const savingEdit = useRef(0);
  const key = { platformId: view.platformId, yearCovered: view.yearCovered };

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.annualReports.get.queryKey(key) });
    void queryClient.invalidateQueries({
      queryKey: trpc.platformCalendar.get.queryKey({ platformId: key.platformId }),
    });
  }, [queryClient, trpc, key.platformId, key.yearCovered]);

  const save = useMutation(
    trpc.annualReports.saveDraft.mutationOptions({
      onSuccess: (saved) => {
        setVersion(saved.version);
        setDirty(edits.current !== savingEdit.current);
        setSavedAt(new Date());
      },
      onError: (error) => {
        if (isConflict(error)) modal.warning({ title: t("platforms.editor.conflict"), onOk: reload });
      },
    }),
  );
  const submit = useMutation(
    trpc.annualReports.submit.mutationOptions({
      onSuccess: () => {
        void message.success(t("platforms.editor.submitted"));
        reload();
      },
    }),
  );

  // A draft saves what is complete: empty sections and indicator rows still being typed are left out.
  const content = () => {
    savingEdit.current = edits.current;
    return {
      sections: Object.fromEntries(Object.entries(sections).filter(([, text]) => text.trim().length > 0)),
      ...(view.policy.indicators
        ? { indicators: indicators.filter((i) => i.name.trim() && i.unit.trim()) }
        : {}),
    };
  };
  const saveNow = async () => {
    clearTimeout(timer.current);
    return save.mutateAsync({ ...key, content: content(), expectedVersion: version });
  };
  // Autosave: a quiet moment after the last change saves the draft.
  useEffect(() => {
    if (!dirty || !editable) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!save.isPending) save.mutate({ ...key, content: content(), expectedVersion: version });
    }, autosaveDelayMs);
    return () => clearTimeout(timer.current);
  });

  const confirmSubmit = () =>
    modal.confirm({
      title: t("platforms.editor.confirmTitle"),
      content: t("platforms.editor.confirmBody"),
      okText: t("platforms.editor.confirmOk"),
      cancelText: t("platforms.editor.cancel"),
      okButtonProps: { "data-testid": "confirm-submit-report" },
      onOk: async () => {
        try {
          const saved = dirty || version === undefined ? await saveNow() : { version: version! };
          await submit.mutateAsync({ ...key, expectedVersion: saved.version });
        } catch {
          // The refusal (sections still empty, a stale version) shows in place under the form.
        }
      },
    });

  const changeSection = (id: string, text: string) => {
    setSections((s) => ({ ...s, [id]: text }));
    edits.current++;
    setDirty(true);
  };
  const changeIndicator = (i: number, patch: Partial<ReportedIndicator>) => {
    setIndicators((list) => list.map((row, n) => (n === i ? { ...row, ...patch } : row)));
    edits.current++;
    setDirty(true);
  };

  const saveState = save.isPending
    ? t("platforms.editor.saving")
    : dirty
      ? t("platforms.editor.unsaved")
      : savedAt
        ? t("platforms.editor.saved", { time: savedAt.toLocaleTimeString(locale) })
        : null;

  return (
    <div>
      <PageHeader
        title={t("platforms.editor.title", { platform: view.platformName, year: view.yearCovered })}
        subtitle={t("platforms.editor.subtitle", { date: view.dueOn ? formatDate(view.dueOn, locale) : "—" })}
        extra={
          <Button onClick={() => navigate(`${basePath}/platforms`)} data-testid="back-to-platforms">
            {t("platforms.editor.back")}
          </Button>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {report ? (
          <div>
            <Tag data-testid="report-status" data-status={report.status}>
              {t(`platforms.report.${report.status}`)}
            </Tag>
          </div>
        ) : null}
        {report?.status === "returned" && report.returnReason ? (
          <Alert
            type="warning"
            showIcon
            data-testid="report-return-reason"
            title={t("platforms.editor.returned", { reason: report.returnReason })}
          />
        ) : null}
        {!editable && report ? (
          <Alert
            type="info"
            showIcon
            title={t("platforms.editor.readOnly", { status: t(`platforms.report.${report.status}`) })}
          />
        ) : (
          <Typography.Text type="secondary">
            {view.policy.recommenderChecks
              ? t("platforms.editor.recommenderFirst")
              : t("platforms.editor.authorityDirect")}
          </Typography.Text>
        )}
        <Card title={t("platforms.editor.sections")} size="small">
          <Form layout="vertical">
            {view.policy.sections.map((s) => (
              <Form.Item key={s.id} label={localized(s.title, locale)}>
                <Input.TextArea
                  data-testid={`report-section-${s.id}`}
                  autoSize={{ minRows: 3, maxRows: 12 }}
                  value={sections[s.id] ?? ""}
                  disabled={!editable}
                  maxLength={20_000}
                  placeholder={t("platforms.editor.sectionPlaceholder", {
                    title: localized(s.title, locale),
                  })}
                  onChange={(e) => changeSection(s.id, e.target.value)}
                />
              </Form.Item>
            ))}
          </Form>
        </Card>
        {view.policy.indicators ? (
          <IndicatorsTable
            indicators={indicators}
            editable={editable}
            onChange={changeIndicator}
            onAdd={() => {
              setIndicators((list) => [...list, { name: "", unit: "", target: null, actual: 0 }]);
              edits.current++;
              setDirty(true);
            }}
            onRemove={(i) => {
              setIndicators((list) => list.filter((_, n) => n !== i));
              edits.current++;
              setDirty(true);
            }}
          />
        ) : null}
        <Card title={t("platforms.editor.attachments")} size="small" data-testid="report-attachments">
          {report ? (
            <AttachmentsPanel
              target={{ annualReportId: report.id }}
              disabled={!editable}
              locale={locale}
              emptyHint={t("platforms.editor.attachmentsHint")}
            />
          ) : (
            // The report row exists only once a draft is saved: files need something to belong to.
            <Typography.Text type="secondary" data-testid="report-attachments-after-save">
              {t("platforms.editor.attachmentsAfterSave")}
            </Typography.Text>
          )}
        </Card>
        {save.isError && !isConflict(save.error) ? <InlineError error={save.error} /> : null}
        {submit.isError ? <InlineError error={submit.error} /> : null}
        {editable ? (
          <Space>
            <Button
              onClick={() => void saveNow().catch(() => undefined)}
              loading={save.isPending}
              data-testid="save-report"
            >
              {t("platforms.editor.save")}
            </Button>
            <Button
              type="primary"
              onClick={confirmSubmit}
              loading={submit.isPending}
              data-testid="submit-report"
            >
              {t("platforms.editor.submit")}
            </Button>
            <Typography.Text
              type="secondary"
              data-testid="report-save-state"
              data-dirty={dirty ? "yes" : "no"}
            >
              {saveState}
            </Typography.Text>
          </Space>
        ) : null}
      </Space>
    </div>
  );
}

function IndicatorsTable({
  indicators,
  editable,
  onChange,
  onAdd,
  onRemove,
}: {
  indicators: ReportedIndicator[];
  editable: boolean;
  onChange: (i: number, patch: Partial<ReportedIndicator>) => void;
  onAdd: () => void;
  onRemove: (i: number) => void;
}) {
  const { t } = useTranslation(applicantNamespace);
  const rows = indicators.map((row, index) => ({ ...row, index }));
  return (
    <Card
      title={t("platforms.editor.indicators")}
      size="small"
      extra={
        editable ? (
          <Button size="small" onClick={onAdd} data-testid="add-indicator">
            {t("platforms.editor.indicator.add")}
          </Button>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t("platforms.editor.noIndicators") }}
        columns={[
          {
            title: t("platforms.editor.indicator.name"),
            key: "name",
            render: (_, r) => (
              <Input
                value={r.name}
                disabled={!editable}
                maxLength={100}
                onChange={(e) => onChange(r.index, { name: e.target.value })}
              />
            ),
          },
          {
            title: t("platforms.editor.indicator.unit"),
            key: "unit",
            render: (_, r) => (
              <Input
                value={r.unit}
                disabled={!editable}
                maxLength={20}
                onChange={(e) => onChange(r.index, { unit: e.target.value })}
              />
            ),
          },
          {
            title: t("platforms.editor.indicator.target"),
            key: "target",
            render: (_, r) => (
              <InputNumber
                value={r.target}
                disabled={!editable}
                onChange={(v) => onChange(r.index, { target: v ?? null })}
              />
            ),
          },
          {
            title: t("platforms.editor.indicator.actual"),
            key: "actual",
            render: (_, r) => (
              <InputNumber
                value={r.actual}
                disabled={!editable}
                onChange={(v) => onChange(r.index, { actual: v ?? 0 })}
              />
            ),
          },
          {
            title: "",
            key: "remove",
            render: (_, r) =>
              editable ? (
                <Button size="small" type="link" danger onClick={() => onRemove(r.index)}>
                  {t("platforms.editor.indicator.remove")}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
