import type { SameKeys } from "@kechuang/ui";

/** The public targets page (issue 11): mounted as `targets.*` in the public catalog. */
export const targetsZhCN = {
  title: "平台建设目标与进展",
  subtitle: "{{policy}} · 附件目标与已登记认定的对照",
  link: "查看平台建设目标与进展",
  linkHint: "本政策附件设定了各类平台的年度目标：查看目标与实际、滞后类型和联席会议成员。",
  policy: "查看政策原文",
  notFound: {
    title: "该政策未设平台建设目标",
    hint: "平台建设目标来自政策附件。可在政策库中查看各项政策。",
    next: "前往政策库",
  },
};

export const targetsEn: SameKeys<typeof targetsZhCN> = {
  title: "Platform targets and progress",
  subtitle: "{{policy}} · the annex's targets against the recognitions recorded",
  link: "See the platform targets and progress",
  linkHint:
    "This policy's annex sets yearly targets per platform type: see target against actual, the types behind and the joint meeting's members.",
  policy: "Read the policy",
  notFound: {
    title: "This policy sets no platform targets",
    hint: "Platform targets come from a policy's annex. The policy library lists every policy.",
    next: "Go to the policy library",
  },
};
