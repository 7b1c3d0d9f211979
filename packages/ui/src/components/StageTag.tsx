import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { stageColor } from "../stages";

/** A stage as a coloured tag; a module's own stage id without a label shows as the raw id. */
export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation("common");
  return <Tag color={stageColor(stage)}>{t(`stage.${stage}`, { defaultValue: stage })}</Tag>;
}
