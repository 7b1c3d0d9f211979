import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { stageColor } from "../stages";

/**
 * A stage as a coloured tag. `name` is the module's own name for the stage (a province may call a common
 * stage differently, or have stages of its own); without it the common label, else the raw id.
 */
export function StageTag({ stage, name }: { stage: string; name?: string }) {
  const { t } = useTranslation("common");
  return (
    <Tag color={stageColor(stage)} data-testid="stage-tag" data-stage={stage}>
      {name ?? t(`stage.${stage}`, { defaultValue: stage })}
    </Tag>
  );
}
