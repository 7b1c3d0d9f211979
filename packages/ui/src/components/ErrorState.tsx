import { Button, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { describeError } from "../errors";

/** A failed request: a plain explanation, the correlation id to quote, and a way to try again. */
export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation("common");
  const described = describeError(error);
  const explanation = described.serverText
    ? described.serverText[i18n.language === "en" ? "en" : "zh"]
    : described.kind === "forbidden"
      ? t("state.forbidden")
      : described.kind === "rate-limited"
        ? t("signIn.tooManyAttempts")
        : t("state.errorGeneric");
  return (
    <Result
      status="warning"
      title={title ?? t("state.errorTitle")}
      subTitle={
        <>
          <div>{explanation}</div>
          {described.correlationId ? (
            <Typography.Text type="secondary" copyable={{ text: described.correlationId }}>
              {t("state.correlationId", { id: described.correlationId })}
            </Typography.Text>
          ) : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t("state.retry")}
          </Button>
        ) : null
      }
    />
  );
}
