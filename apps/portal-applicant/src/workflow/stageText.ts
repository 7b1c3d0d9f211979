import type { TFunction } from "i18next";

/** A stage id in words: the shared vocabulary (common:stage.*) where it has the id, else the id itself. */
export function stageText(t: TFunction, exists: (key: string) => boolean, stageId: string | null): string {
  if (!stageId) return "—";
  const key = `common:stage.${stageId}`;
  return exists(key) ? t(key) : stageId;
}
