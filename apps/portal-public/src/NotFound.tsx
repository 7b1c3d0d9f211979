import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { publicNamespace } from "./messages";

export function NotFound({ basePath }: { basePath: string }) {
  const { t } = useTranslation(publicNamespace);
  const navigate = useNavigate();
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={t("notFound")}
      extra={
        <Button type="primary" onClick={() => navigate(basePath || "/")}>
          {t("backHome")}
        </Button>
      }
    />
  );
}
