import type { LocalizedText } from "@kechuang/domain";

/** Bilingual texts of annual reports and the obligations calendar (zh-CN default). */
export const reportMessages = {
  noReportDue: {
    zh: "该平台在这一年度没有应报送的年度报告（无此义务或已免报）",
    en: "The platform owes no annual report for that year (no such obligation, or it is exempt)",
  },
  noAnnualReports: {
    zh: "该平台适用的政策不要求报送年度报告",
    en: "The platform's policy asks for no annual report",
  },
  yearNotStarted: (year: number): LocalizedText => ({
    zh: `${year}年度尚未开始，暂不能填写该年度报告`,
    en: `The year ${year} has not started yet; its report cannot be written`,
  }),
  unknownSections: (ids: string, allowed: string): LocalizedText => ({
    zh: `报告包含本政策未规定的内容部分：${ids}（可填写的部分：${allowed}）`,
    en: `The report has sections the policy does not name: ${ids} (sections: ${allowed})`,
  }),
  noIndicators: {
    zh: "本政策的年度报告不填写指标完成情况",
    en: "This policy's annual report has no indicators",
  },
  notEditable: {
    zh: "只有草稿或退回修改的年度报告可以编辑或提交",
    en: "Only a draft or a returned annual report can be edited or submitted",
  },
  stale: {
    zh: "该年度报告已被他人修改，请刷新后重试（未做任何更改）",
    en: "Someone else changed this annual report; reload and retry (nothing was changed)",
  },
  noReport: { zh: "尚未填写该年度报告", en: "No annual report has been written for that year" },
  sectionsMissing: (titles: string): LocalizedText => ({
    zh: `以下部分尚未填写：${titles}`,
    en: `These sections are still empty: ${titles}`,
  }),
  noRecommenderCheck: {
    zh: "本政策的年度报告不经推荐单位审核，直接报主管部门",
    en: "Under this policy the recommender does not check annual reports; they go to the authority",
  },
  notSubmitted: {
    zh: "该年度报告当前不在待推荐单位审核状态",
    en: "The annual report is not waiting for the recommender's check",
  },
  notAwaitingDecision: {
    zh: "该年度报告当前不在待主管部门审核状态",
    en: "The annual report is not waiting for the authority's decision",
  },
  reasonRequired: {
    zh: "退回时须填写退回原因",
    en: "Give a reason when returning a report",
  },
  revoked: {
    zh: "该平台已被撤销，不再报送年度报告",
    en: "The platform has been revoked; no reports are filed",
  },
} as const;
