import { type ChangeKind, localChangeKinds } from "@kechuang/domain";

/**
 * The Hunan implementation plan (hn-tic-2020) sets no procedure for changes after approval. A center still changes
 * its director, board or units; here each such change waits for the department's approval (the safe reading, a
 * local setting the UI states), and the governance rules of 四(一) are re-checked on the state after it.
 */
export const hnChangeKinds: readonly ChangeKind[] = localChangeKinds({
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
  ruleId: "hn-tic.bodies",
  localSetting: {
    zh: "《湖南省技术创新中心建设实施方案》未规定认定后的变更程序；本系统设为报省科技厅批复，并按四(一)复核治理结构。",
    en: "The Hunan plan sets no procedure for changes after approval; here every change waits for the department's approval and the rules of 四(一) are re-checked.",
  },
});
