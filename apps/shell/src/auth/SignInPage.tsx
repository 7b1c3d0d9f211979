import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { destinationAfterSignIn } from "./destination";
import { useSession, useSignIn } from "./session";
import { signInFailure } from "./signInError";

type Fields = { username: string; password: string; totp?: string };

export function SignInPage() {
  const { t } = useTranslation("common");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [askTotp, setAskTotp] = useState(false);
  const [failure, setFailure] = useState<ReturnType<typeof signInFailure> | null>(null);
  const { user } = useSession();

  // Already signed in (e.g. the back button): go where this user works instead of showing the form.
  if (user && !signIn.isPending)
    return <Navigate to={destinationAfterSignIn(user.role, params.get("next"))} replace />;

  const submit = (fields: Fields) => {
    const totp = askTotp && fields.totp ? fields.totp : undefined;
    setFailure(null);
    signIn.mutate(
      { username: fields.username, password: fields.password, ...(totp ? { totp } : {}) },
      {
        onSuccess: ({ user }) =>
          navigate(destinationAfterSignIn(user.role, params.get("next")), { replace: true }),
        onError: (error) => {
          const next = signInFailure(error, totp !== undefined);
          if (next.needsTotp) setAskTotp(true);
          setFailure(next);
        },
      },
    );
  };

  return (
    <Card style={{ maxWidth: 420, margin: "48px auto" }}>
      <Typography.Title level={3}>{t("signIn.title")}</Typography.Title>
      {failure ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(failure.messageKey)}
          description={
            failure.correlationId ? t("state.correlationId", { id: failure.correlationId }) : undefined
          }
        />
      ) : null}
      <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false} disabled={signIn.isPending}>
        <Form.Item
          name="username"
          label={t("signIn.username")}
          rules={[{ required: true, message: t("signIn.required", { field: t("signIn.username") }) }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("signIn.password")}
          rules={[{ required: true, message: t("signIn.required", { field: t("signIn.password") }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {askTotp ? (
          <Form.Item
            name="totp"
            label={t("signIn.totp")}
            extra={t("signIn.totpHint")}
            rules={[
              { required: true, message: t("signIn.required", { field: t("signIn.totp") }) },
              { pattern: /^\d{6}$/, message: t("signIn.totpFormat") },
            ]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {t("signIn.submit")}
        </Button>
      </Form>
    </Card>
  );
}
