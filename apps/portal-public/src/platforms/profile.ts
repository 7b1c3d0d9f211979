import type { LocalizedText } from "@kechuang/domain";

/** Pure helpers for the governance and zone sections of a platform's page (the server already allow-lists). */

export interface MemberLike {
  name: string;
  organization: string | null;
}

/** "张建国（株洲轨道交通装备集团有限公司）" in Chinese, "Zhang (Org)" in English; the name alone without one. */
export function memberLabel(member: MemberLike, locale: string): string {
  if (!member.organization) return member.name;
  return locale.startsWith("zh")
    ? `${member.name}（${member.organization}）`
    : `${member.name} (${member.organization})`;
}

/** An indicator figure as the locale writes numbers (1,268.5); null (no target given) as a dash. */
export function indicatorValue(value: number | null, locale: string, dash = "—"): string {
  if (value === null) return dash;
  return new Intl.NumberFormat(locale.startsWith("zh") ? "zh-CN" : "en-US", {
    maximumFractionDigits: 4,
  }).format(value);
}

/** "四(四) 技术市场交易机制": a task with the clause that lists it. */
export function taskLabel(
  task: { clause: string; name: LocalizedText },
  pick: (text: LocalizedText) => string,
) {
  return `${task.clause} ${pick(task.name)}`;
}
