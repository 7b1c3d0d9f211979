import { describeError, InlineError, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "./messages";
import { groundsLength, isReachableContact, nameLength } from "./publicity";

type ObjectionValues = { grounds: string; objectorName: string; objectorContact: string };

/** Anyone may object while a notice is open: grounds, a name and a contact the authority can use. */
export function ObjectionModal({
  notice,
  locale,
  onClose,
}: {
  notice: { noticeId: string; title: string };
  locale: Locale;
  onClose(): void;
}) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const trpc = useTRPC();
  const [form] = Form.useForm<ObjectionValues>();
  const lodge = useMutation(trpc.publicity.object.mutationOptions());
  const described = lodge.isError ? describeError(lodge.error) : null;

  const submit = (values: ObjectionValues) =>
    lodge.mutate({
      noticeId: notice.noticeId,
      grounds: values.grounds.trim(),
      objectorName: values.objectorName.trim(),
      objectorContact: values.objectorContact.trim(),
    });

  return (
    <Modal
      open
      title={t("publicity.form.title", { title: notice.title })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={640}
    >
      {lodge.isSuccess ? (
        <Result
          status="success"
          title={t("publicity.form.doneTitle")}
          subTitle={
            <Space orientation="vertical" size={2}>
              <span>{t("publicity.form.doneHint")}</span>
              <Typography.Text copyable={{ text: lodge.data.objectionId }} data-testid="objection-reference">
                {t("publicity.form.reference", { id: lodge.data.objectionId })}
              </Typography.Text>
            </Space>
          }
          extra={
            <Button type="primary" onClick={onClose} data-testid="close-objection">
              {t("publicity.form.close")}
            </Button>
          }
        />
      ) : (
        <Form<ObjectionValues> form={form} layout="vertical" onFinish={submit} disabled={lodge.isPending}>
          <Typography.Paragraph type="secondary">{t("publicity.form.intro")}</Typography.Paragraph>
          <Form.Item
            name="grounds"
            label={t("publicity.form.grounds")}
            extra={t("publicity.form.groundsHint", groundsLength)}
            rules={[
              {
                required: true,
                whitespace: true,
                min: groundsLength.min,
                max: groundsLength.max,
                message: t("publicity.form.groundsLength", groundsLength),
              },
            ]}
          >
            <Input.TextArea rows={5} showCount maxLength={groundsLength.max} />
          </Form.Item>
          <Form.Item
            name="objectorName"
            label={t("publicity.form.name")}
            rules={[
              {
                required: true,
                whitespace: true,
                max: nameLength.max,
                message: t("publicity.form.nameRequired"),
              },
            ]}
          >
            <Input maxLength={nameLength.max} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="objectorContact"
            label={t("publicity.form.contact")}
            required
            extra={t("publicity.form.contactHint")}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  isReachableContact(value ?? "")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("publicity.form.contactInvalid"))),
              },
            ]}
          >
            <Input maxLength={200} autoComplete="tel" />
          </Form.Item>
          {described?.kind === "rate-limited" ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              data-testid="objection-rate-limited"
              title={
                described.serverText
                  ? localized(described.serverText, locale)
                  : t("publicity.form.rateLimitedTitle")
              }
              description={
                <>
                  <div>{t("publicity.form.rateLimitedHint")}</div>
                  {described.correlationId ? (
                    <Typography.Text type="secondary" copyable={{ text: described.correlationId }}>
                      {t("common:state.correlationId", { id: described.correlationId })}
                    </Typography.Text>
                  ) : null}
                </>
              }
            />
          ) : lodge.isError ? (
            <div style={{ marginBottom: 16 }}>
              <InlineError error={lodge.error} />
            </div>
          ) : null}
          <Space>
            <Button type="primary" htmlType="submit" loading={lodge.isPending} data-testid="submit-objection">
              {t("publicity.form.submit")}
            </Button>
            <Button onClick={onClose}>{t("publicity.form.cancel")}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
