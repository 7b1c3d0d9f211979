import type { SourceStatus } from "@kechuang/domain";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";

/** Results that rest on a draft for comment say so wherever they are shown (POLICIES.md "Sources"). */
export function DraftSourceNotice({ status }: { status: SourceStatus }) {
  const { t } = useTranslation("common");
  if (status !== "draft") return null;
  return <Alert type="warning" showIcon data-testid="draft-source-notice" title={t("state.draftSource")} />;
}
