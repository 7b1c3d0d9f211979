import { type ChangeKind, localChangeKinds } from "@kechuang/domain";

/**
 * The Sichuan guide (sc-tic-2018) sets no procedure for changes after approval. A center still changes its
 * director, board or units; here each such change waits for the department's approval (the safe reading, a local
 * setting the UI states), and the governance rules of 五(二) are re-checked on the state after it.
 */
export const scTicChangeKinds: readonly ChangeKind[] = localChangeKinds({
  subjects: [
    "director",
    "board",
    "committee",
    "lead-unit",
    "co-build-units",
    "name",
    "location",
    "research-direction",
  ],
  mode: "approval",
  ruleId: "sc-tic.governance",
  localSetting: {
    zh: "《四川省技术创新中心建设工作指引(征求意见稿)》未规定认定后的变更程序；本系统设为报省科技厅批复，并按五(二)复核治理结构。",
    en: "The Sichuan guide sets no procedure for changes after approval; here every change waits for the department's approval and the rules of 五(二) are re-checked.",
  },
});
