import type { ChangeKind, ChangeSubject, LocalizedText } from "@kechuang/domain";

/**
 * The Sichuan guide (sc-tic-2018) set no procedure for changes after approval. A center still changes its
 * director, board or units; here each such change waits for the department's approval (the safe reading, a
 * local setting the UI states), and the governance rules of 五(二) are re-checked on the state after it.
 */
const localSetting: LocalizedText = {
  zh: "《四川省技术创新中心建设工作指引(征求意见稿)》未规定认定后的变更程序；本系统设为报省科技厅批复，并按五(二)复核治理结构。",
  en: "The Sichuan guide sets no procedure for changes after approval; here every change waits for the department's approval and the rules of 五(二) are re-checked.",
};

const kinds: readonly [ChangeSubject, LocalizedText][] = [
  ["director", { zh: "更换中心主任", en: "Director replacement" }],
  ["board", { zh: "调整理事会(董事会)成员", en: "Board member changes" }],
  ["committee", { zh: "调整专家委员会成员", en: "Expert committee member changes" }],
  ["lead-unit", { zh: "变更牵头单位", en: "Change of lead unit" }],
  ["co-build-units", { zh: "调整共建单位", en: "Co-build unit adjustment" }],
  ["name", { zh: "变更中心名称", en: "Change of name" }],
  ["location", { zh: "变更中心地点", en: "Change of location" }],
  ["research-direction", { zh: "调整研究方向", en: "Change of research direction" }],
];

export const scTicChangeKinds: readonly ChangeKind[] = kinds.map(([subject, name]) => ({
  id: subject,
  name,
  mode: "approval",
  ruleId: "sc-tic.governance",
  subjects: [subject],
  localSetting,
}));
