import { type PlatformKind, platformKindLabels } from "@kechuang/domain";

export const kindLabels = (locale: "zh" | "en"): Record<PlatformKind, string> =>
  Object.fromEntries(
    Object.entries(platformKindLabels).map(([kind, label]) => [kind, label[locale]]),
  ) as Record<PlatformKind, string>;
