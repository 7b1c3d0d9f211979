import type { PolicyRule, RuleSpec } from "@kechuang/domain";
import { centers, cite } from "./citation";
import { nmEligibility } from "./eligibility";

/* ---------- rule specs (id, citation, title): one per catalog id ---------- */

const fields: RuleSpec = {
  id: "nm-tic.fields",
  citation: cite(
    "二",
    "聚焦新能源、新材料、装备制造、新一代信息技术、大数据、煤化工、民族医药、现代农牧业、生态环境、生物技术等重点产业",
  ),
  title: { zh: "重点产业领域", en: "Key industries" },
  appliesTo: centers,
  implementedBy: "data",
};

const structure: RuleSpec = {
  id: "nm-tic.structure",
  citation: cite("三(一)", "可采取中心本部、若干分中心和研发机构的组织架构"),
  title: {
    zh: "组织架构（本部、分中心、研发机构）",
    en: "Structure: headquarters, branch centers, R&D institutions",
  },
  appliesTo: centers,
  implementedBy: "checklist",
  prompt: {
    zh: "记录中心的组织架构：中心本部、分中心及研发机构（可选架构，按实际填写）。",
    en: "Record the center's structure: headquarters, branch centers and R&D institutions (optional layout).",
  },
};

const directorFiling: RuleSpec = {
  id: "nm-tic.director-filing",
  citation: cite("三(二)", "主任(总经理)聘用报归口管理部门和内蒙古自治区科学技术厅(以下简称“科技厅”)备案"),
  title: { zh: "中心主任聘用备案", en: "Director appointment filed" },
  appliesTo: centers,
  implementedBy: "checklist",
  prompt: {
    zh: "确认中心主任（总经理）的聘用已报归口管理部门和科技厅备案。",
    en: "Confirm the director's appointment was filed with the supervising department and the S&T department.",
  },
};

const nationalPrereq: RuleSpec = {
  id: "nm-tic.national-prereq",
  citation: cite("三(二)", "创建国家技术创新中心一般应已认定为自治区技术创新中心"),
  title: {
    zh: "创建国家技术创新中心一般应已是自治区技术创新中心",
    en: "A national center normally requires being a regional center first",
  },
  appliesTo: centers,
  implementedBy: "data",
};

const rolling: RuleSpec = {
  id: "nm-tic.rolling",
  citation: cite("三(四)", "技术创新中心申报常年受理,坚持“成熟一个,建设一个”的原则"),
  title: { zh: "常年受理，成熟一个建设一个", en: "Applications accepted all year; one ready, one built" },
  appliesTo: centers,
  implementedBy: "data",
};

const stages: RuleSpec = {
  id: "nm-tic.stages",
  citation: cite("三(四)", "一般应符合以下程序"),
  title: {
    zh: "创建程序：提出意向、咨询论证、申请建设、组织评审、批复认定",
    en: "Procedure: intent, consultation, formal application, review, approval",
  },
  appliesTo: centers,
  implementedBy: "workflow",
};

const naming: RuleSpec = {
  id: "nm-tic.naming",
  citation: cite("三(四)5", "技术创新中心统一命名为“内蒙古自治区×××技术创新中心”"),
  title: { zh: "统一命名", en: "Uniform naming" },
  appliesTo: centers,
  implementedBy: "naming",
};

const changeFiling: RuleSpec = {
  id: "nm-tic.change-filing",
  citation: cite("三(五)1", "报送推荐部门、科技厅备案"),
  title: { zh: "备案类变更", en: "Changes that are filed" },
  appliesTo: centers,
  implementedBy: "change",
};

const changeApproval: RuleSpec = {
  id: "nm-tic.change-approval",
  citation: cite("三(五)2", "须提请科技厅批复"),
  title: { zh: "批复类变更", en: "Changes that need approval" },
  appliesTo: centers,
  implementedBy: "change",
};

const annualReport: RuleSpec = {
  id: "nm-tic.annual-report",
  citation: cite(
    "三(六)1",
    "每年3月底前提交上年度报告(对在上一年6月后批复的技术创新中心,次年无需提交上年度报告)",
  ),
  title: { zh: "年度报告制度", en: "Annual report" },
  appliesTo: centers,
  implementedBy: "schedule",
};

const evaluationTiming: RuleSpec = {
  id: "nm-tic.evaluation-timing",
  citation: cite("三(六)2", "一般为认定运行满三年后开展"),
  title: { zh: "认定运行满三年后评估评价", en: "Evaluation after three full years" },
  appliesTo: centers,
  implementedBy: "schedule",
};

const evaluationGrades: RuleSpec = {
  id: "nm-tic.evaluation-grades",
  citation: cite("三(六)2", "评价结果分为优秀、良好、合格、不合格四个档次"),
  title: { zh: "评价结果四个档次", en: "Four evaluation grades" },
  appliesTo: centers,
  implementedBy: "evaluation",
};

const rectification: RuleSpec = {
  id: "nm-tic.rectification",
  citation: cite("三(六)2", "对于评价结果不合格的给予一年整改期,到期后重新进行评估评价"),
  title: { zh: "不合格给予一年整改期", en: "A fail gives one year to rectify" },
  appliesTo: centers,
  implementedBy: "evaluation",
};

const delisting: RuleSpec = {
  id: "nm-tic.delisting",
  citation: cite("三(六)3", "经审定情况属实的予以摘牌并撤销"),
  title: { zh: "摘牌并撤销", en: "Delisting and revocation" },
  appliesTo: centers,
  implementedBy: "evaluation",
};

const postSubsidy: RuleSpec = {
  id: "nm-tic.post-subsidy",
  citation: cite("四(二)", "对于评价结果为优秀的技术创新中心给予一定的自治区财政资金后补助支持"),
  title: { zh: "评价优秀给予后补助", en: "Excellent grade earns a post-subsidy" },
  appliesTo: centers,
  implementedBy: "evaluation",
};

const outline: RuleSpec = {
  id: "nm-tic.outline",
  citation: cite("附件", "一、建设意义"),
  title: { zh: "建设与运行实施方案编写提纲", en: "Plan outline" },
  appliesTo: centers,
  implementedBy: "data",
};

const publicity: RuleSpec = {
  id: "common.publicity",
  citation: cite("三(四)5", "经公示无异议,由科技厅发文批复认定"),
  title: { zh: "经公示无异议方可批复", en: "Approval only after publicity without objection" },
  appliesTo: centers,
  implementedBy: "workflow",
};

const conflictOfInterest: RuleSpec = {
  id: "common.conflict-of-interest",
  citation: cite("三(二)", "技术指导委员会主任应由非牵头单位、共建单位的有影响力的专家担任"),
  title: { zh: "专家回避", en: "Expert conflict of interest" },
  appliesTo: centers,
  implementedBy: "panel",
};

/** Every catalog rule of nm-tic-2020, plus the cross-cutting rules this source states. */
export const nmRules = {
  fields,
  structure,
  charter: nmEligibility.charter,
  bodies: nmEligibility.bodies,
  committeeOutsiders: nmEligibility.committeeOutsiders,
  committeeChair: nmEligibility.committeeChair,
  committeeMakeup: nmEligibility.committeeMakeup,
  directorTime: nmEligibility.directorTime,
  directorFiling,
  nationalPrereq,
  rolling,
  stages,
  naming,
  changeFiling,
  changeApproval,
  annualReport,
  evaluationTiming,
  evaluationGrades,
  rectification,
  delisting,
  matchingFunds: nmEligibility.matchingFunds,
  postSubsidy,
  outline,
  publicity,
  conflictOfInterest,
} satisfies Record<string, PolicyRule>;

export const nmRuleList: readonly PolicyRule[] = Object.values(nmRules);
