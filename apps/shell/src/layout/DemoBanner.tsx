import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { usePortalsConfig } from "../portals/usePortalsConfig";

/**
 * A demo installation says so on every page, signed in or not: its accounts and data are generated and
 * must not be mistaken for a real one. The server decides (GET /config/portals.json, `demo`).
 */
export function DemoBanner() {
  const { t } = useTranslation("common");
  const config = usePortalsConfig();
  if (!config.data?.demo) return null;
  return <Alert banner type="info" showIcon title={t("demo.banner")} data-testid="demo-banner" />;
}
