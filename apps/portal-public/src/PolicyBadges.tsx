import type { SourceStatus } from "@kechuang/domain";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "./messages";

/** A source's status; a draft for comment carries a badge no one can miss, in both scripts. */
export function StatusBadge({ status }: { status: SourceStatus }) {
  const { t } = useTranslation(publicNamespace);
  if (status === "draft")
    return (
      <Tag color="orange" data-testid="draft-badge" style={{ fontWeight: 600 }}>
        {t("library.draftBadge")}
      </Tag>
    );
  return <Tag color={status === "in-force" ? "green" : "blue"}>{t(`policies.status.${status}`)}</Tag>;
}
