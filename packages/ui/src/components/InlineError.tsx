import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { describeError } from "../errors";

/**
 * A failed action shown in place (inside a form or a modal), where a full-page ErrorState would be too
 * much: the server's message in the current locale and the correlation id to quote.
 */
export function InlineError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation("common");
  const described = describeError(error);
  const explanation = described.serverText
    ? described.serverText[i18n.language === "en" ? "en" : "zh"]
    : described.kind === "forbidden"
      ? t("state.forbidden")
      : t("state.errorGeneric");
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={explanation}
      description={
        described.correlationId ? (
          <Typography.Text type="secondary" copyable={{ text: described.correlationId }}>
            {t("state.correlationId", { id: described.correlationId })}
          </Typography.Text>
        ) : undefined
      }
    />
  );
}
