import { publicityWindowProblem } from "@kechuang/domain";
import { EmptyState, InlineError, type Locale, localized, useTRPC, useTRPCClient } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { actionFormNeeds, actionTestId, isVersionConflict, newIdempotencyKey } from "../workflow/actions";
import type { ApplicationDetail, AvailableAction } from "../workflow/api";
import { chinaToday } from "../workflow/dates";

type ActionValues = { reason?: string; title?: string; body?: string; opensOn?: string; closesOn?: string };

/**
 * One generic runner for every action the server offers the caller: the buttons come from
 * `availableActions`, never from a list in the portal, so a module's own actions work unchanged.
 */
export function ActionsPanel({
  detail,
  locale,
  onChanged,
  onShowObjections,
  onBack,
}: {
  detail: ApplicationDetail;
  locale: Locale;
  onChanged: () => Promise<void>;
  onShowObjections: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const [open, setOpen] = useState<AvailableAction | null>(null);
  if (detail.availableActions.length === 0) {
    return (
      <EmptyState
        title={t("actions.none")}
        description={t("actions.noneHint")}
        next={{ label: t("backToQueue"), onClick: onBack }}
      />
    );
  }
  return (
    <>
      <Flex gap="small" wrap data-testid="actions-panel">
        {detail.availableActions.map((action) => {
          const needs = actionFormNeeds(action);
          return (
            <Button
              key={action.action}
              data-testid={actionTestId(action.action)}
              type={needs.danger ? "default" : "primary"}
              danger={needs.danger}
              onClick={() => (needs.route === "objection-row" ? onShowObjections() : setOpen(action))}
            >
              {localized(action.label, locale)}
            </Button>
          );
        })}
      </Flex>
      {open ? (
        <ActionModal
          key={open.action}
          action={open}
          detail={detail}
          locale={locale}
          onClose={() => setOpen(null)}
          onChanged={onChanged}
        />
      ) : null}
    </>
  );
}

function ActionModal({
  action,
  detail,
  locale,
  onClose,
  onChanged,
}: {
  action: AvailableAction;
  detail: ApplicationDetail;
  locale: Locale;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const client = useTRPCClient();
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ActionValues>();
  const needs = actionFormNeeds(action);
  // The module's minimum and the shortest valid window, dated by the server's clock (China time).
  const windowQuery = useQuery({
    ...trpc.publicity.window.queryOptions({ applicationId: detail.id }),
    enabled: needs.route === "publicity-notice",
  });
  const notice = windowQuery.data;
  const waitingForWindow = needs.route === "publicity-notice" && !notice;
  // One key per opened dialog: a double click or a network retry of the same intent is one change.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const today = chinaToday(new Date());
  const label = localized(action.label, locale);
  const stageName = (id: string) => {
    const own =
      detail.stages.find((s) => s.id === id)?.name ?? (id === detail.stage ? detail.stageName : null);
    return own ? localized(own, locale) : t(`common:stage.${id}`, { defaultValue: id });
  };

  const run = useMutation({
    mutationFn: (values: ActionValues) =>
      needs.route === "publicity-notice"
        ? client.publicity.open.mutate({
            applicationId: detail.id,
            expectedVersion: detail.version,
            title: values.title?.trim() ?? "",
            body: values.body?.trim() ?? "",
            opensOn: values.opensOn ?? notice?.opensOn ?? today,
            closesOn: values.closesOn ?? "",
            idempotencyKey,
          })
        : client.applications.transition.mutate({
            applicationId: detail.id,
            action: action.action,
            expectedVersion: detail.version,
            reason: values.reason?.trim() || undefined,
            idempotencyKey,
          }),
    onSuccess: async () => {
      void message.success(t("actions.done", { action: label }));
      onClose();
      await onChanged();
    },
    onError: async (error) => {
      if (!isVersionConflict(error)) return;
      void message.warning(t("actions.conflict"));
      onClose();
      await onChanged();
    },
  });

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];
  return (
    <Modal
      open
      title={t("actions.confirmTitle", { action: label })}
      okText={t("actions.ok")}
      cancelText={t("actions.cancel")}
      okButtonProps={{
        danger: needs.danger,
        loading: run.isPending,
        disabled: waitingForWindow,
        "data-testid": "action-confirm",
      }}
      onOk={() =>
        void form
          .validateFields()
          .then((values) => run.mutate(values))
          .catch(() => undefined)
      }
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t("actions.confirmBody", { from: stageName(detail.stage), to: stageName(action.to) })}</p>
      {waitingForWindow ? (
        windowQuery.isError ? (
          <InlineError error={windowQuery.error} />
        ) : (
          <Spin />
        )
      ) : (
        <Form
          form={form}
          layout="vertical"
          data-testid="action-form"
          initialValues={{
            title: t("actions.noticeTitleDefault", { title: detail.title }),
            opensOn: notice?.opensOn ?? today,
            closesOn: notice?.closesOn ?? undefined,
          }}
        >
          {needs.route === "publicity-notice" && notice ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="publicity-minimum"
                title={
                  notice.closesOn
                    ? t("actions.publicityMinimum", {
                        days: notice.minimumWorkingDays,
                        clause: notice.clause,
                        closesOn: notice.closesOn,
                      })
                    : t("actions.publicityCalendarMissing")
                }
              />
              <Form.Item
                name="title"
                label={t("actions.noticeTitle")}
                rules={required(t("actions.noticeTitle"))}
              >
                <Input maxLength={200} data-testid="action-notice-title" />
              </Form.Item>
              <Form.Item
                name="body"
                label={t("actions.noticeBody")}
                rules={required(t("actions.noticeBodyRequired"))}
              >
                <Input.TextArea rows={4} maxLength={20_000} data-testid="action-notice-body" />
              </Form.Item>
              <Form.Item
                name="opensOn"
                label={t("actions.opensOn")}
                rules={required(t("actions.closesOnRequired"))}
              >
                <Input type="date" min={notice.today} data-testid="action-opens-on" />
              </Form.Item>
              <Form.Item
                name="closesOn"
                label={t("actions.closesOn")}
                dependencies={["opensOn"]}
                rules={[
                  { required: true, message: t("actions.closesOnRequired") },
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) => {
                      const opensOn: string = getFieldValue("opensOn") ?? notice.today;
                      if (!value) return Promise.resolve();
                      if (value < opensOn) return Promise.reject(new Error(t("actions.closesOnPast")));
                      // The server's rule, checked here first so the form says why before it is sent.
                      const problem = publicityWindowProblem(
                        { opensOn, closesOn: value },
                        notice.today,
                        notice.minimumWorkingDays,
                        notice.clause,
                      );
                      return problem
                        ? Promise.reject(new Error(localized(problem, locale)))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input type="date" min={notice.closesOn ?? notice.today} data-testid="action-closes-on" />
              </Form.Item>
            </>
          ) : null}
          {needs.reason ? (
            <Form.Item
              name="reason"
              label={t("actions.reason")}
              rules={required(t("actions.reasonRequired"))}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t("actions.reasonPlaceholder")}
                data-testid="action-reason"
              />
            </Form.Item>
          ) : null}
        </Form>
      )}
      {run.isError && !isVersionConflict(run.error) ? <InlineError error={run.error} /> : null}
    </Modal>
  );
}
