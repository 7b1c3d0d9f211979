import { portalOfRole } from "@kechuang/domain";
import { InlineError, useTRPC } from "@kechuang/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { signInUrlFor } from "./destination";
import { useSession } from "./session";

type Fields = { currentPassword: string; newPassword: string; confirm: string };

/**
 * The signed-in user's own password. The server decides the policy (and counts wrong current passwords
 * towards the lockout); this form only catches a mistyped confirmation before sending.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user, isPending } = useSession();
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        void message.success(t("password.done"));
        if (user) navigate(`/${portalOfRole(user.role)}`, { replace: true });
      },
    }),
  );
  if (!isPending && !user) return <Navigate to={signInUrlFor("/account/password")} replace />;

  return (
    <Card style={{ maxWidth: 480, margin: "48px auto" }} data-testid="change-password">
      <Typography.Title level={3}>{t("password.title")}</Typography.Title>
      {user?.mustChangePassword ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t("password.forced")} />
      ) : null}
      {change.isError ? (
        <div style={{ marginBottom: 16 }}>
          <InlineError error={change.error} />
        </div>
      ) : null}
      <Form<Fields>
        layout="vertical"
        requiredMark={false}
        disabled={change.isPending}
        onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("signIn.required", { field: t("password.current") }) }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.next")}
          extra={t("password.policy")}
          rules={[
            { required: true, message: t("signIn.required", { field: t("password.next") }) },
            { min: 12, message: t("password.tooShort") },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("signIn.required", { field: t("password.confirm") }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending}>
          {t("password.submit")}
        </Button>
      </Form>
    </Card>
  );
}
