import type { SourceConflict } from "@kechuang/domain";
import { periodRule } from "./rules";

const SOURCE = "sc-zone-2018";

/**
 * The draft dates the final evaluation twice, differently: 五(四) before the period ends, 六(三) after it.
 * The schedule must pick one; the authority sees both readings and the reason for the pick.
 */
export const scZoneSourceConflicts: readonly SourceConflict[] = [
  {
    id: "summary-evaluation-timing",
    ruleId: periodRule.id,
    topic: {
      zh: "总结评估在三年建设期满之前还是之后开展",
      en: "Whether the summary evaluation comes before or after the three-year period ends",
    },
    readings: [
      {
        citation: { source: SOURCE, clause: "五(四)", quote: "示范区建设期满前,科技厅组织开展总结评估" },
        reading: {
          zh: "在建设期满之前开展总结评估（未规定提前多久）。",
          en: "The summary evaluation takes place before the period ends (how long before is not said).",
        },
      },
      {
        citation: {
          source: SOURCE,
          clause: "六(三)",
          quote: "示范区建设期限原则上为三年,三年示范期结束后,由科技厅组织评估",
        },
        reading: {
          zh: "三年示范期结束之后开展评估。",
          en: "The evaluation takes place after the three-year demonstration period has ended.",
        },
      },
    ],
    appliedClause: "六(三)",
    choice: {
      zh: "本模块采用六(三)：总结评估自认定满三年之日起开展。六(三)是规定建设期限的条款，评估时点与期限写在同一句中；五(四)“期满前”没有说明提前多久，按其执行须另设一个来源没有的日期；期满后评估能涵盖三年的全部建设情况。本文件为征求意见稿，正式文件发布后应复核此项。",
      en: "This module applies 六(三): the summary evaluation opens on the third anniversary of approval. 六(三) is the clause that sets the period, and it dates the evaluation in the same sentence; 五(四) “before the period ends” does not say how long before, so following it would need a date the source does not give; evaluating after the period covers all three years of work. The source is a draft for comment: review this choice when the final text is issued.",
    },
  },
];
