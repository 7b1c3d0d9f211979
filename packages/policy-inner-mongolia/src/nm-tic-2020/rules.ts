import {
  type CenterFacts,
  type Citation,
  formatCny,
  type MemberFacts,
  needsInformation,
  organizationTypeLabels,
  type PolicyRule,
  type RuleResult,
  type RuleSpec,
  ruleResult,
} from "@kechuang/domain";

const SOURCE = "nm-tic-2020";
const cite = (clause: string, quote: string): Citation => ({ source: SOURCE, clause, quote });
const centers = ["tech-innovation-center"] as const;
const where = (rule: RuleSpec) => `${rule.citation.source} ${rule.citation.clause}`;

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

const charterSpec: RuleSpec = {
  id: "nm-tic.charter",
  citation: cite("三(二)", "技术创新中心原则上应为独立法人实体,制定管理章程"),
  title: { zh: "独立法人实体与管理章程", en: "Independent legal entity with a management charter" },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const bodiesSpec: RuleSpec = {
  id: "nm-tic.bodies",
  citation: cite("三(二)", "组建理事会(董事会)、技术指导委员会"),
  title: { zh: "理事会（董事会）与技术指导委员会", en: "Board and technical guidance committee" },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const outsidersSpec: RuleSpec = {
  id: "nm-tic.committee-outsiders",
  citation: cite("三(二)", "其中牵头单位和共建单位的人员不超过总人数三分之一"),
  title: {
    zh: "技术指导委员会中牵头、共建单位人员不超过三分之一",
    en: "Committee members from lead and co-build units at most one third",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const chairSpec: RuleSpec = {
  id: "nm-tic.committee-chair",
  citation: cite("三(二)", "技术指导委员会主任应由非牵头单位、共建单位的有影响力的专家担任"),
  title: {
    zh: "技术指导委员会主任来自外单位",
    en: "Committee chair from outside the lead and co-build units",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const makeupSpec: RuleSpec = {
  id: "nm-tic.committee-makeup",
  citation: cite("三(二)", "技术指导委员会由中心主任(总经理)、技术专家、管理专家、经济专家等人员组成"),
  title: { zh: "技术指导委员会构成", en: "Committee makeup" },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const directorTimeSpec: RuleSpec = {
  id: "nm-tic.director-time",
  citation: cite("三(二)", "每年在技术创新中心工作时间不少于9个月"),
  title: { zh: "中心主任每年在中心工作不少于9个月", en: "Director at the center at least 9 months a year" },
  appliesTo: centers,
  implementedBy: "eligibility",
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

const matchingFundsSpec: RuleSpec = {
  id: "nm-tic.matching-funds",
  citation: cite("四(三)", "用于研发活动投入配套资金不低于自治区财政支持资金"),
  title: {
    zh: "企业牵头的研发配套资金不低于自治区财政支持资金",
    en: "Enterprise-led: R&D matching funds at least the regional fiscal support",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
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

/* ---------- eligibility checks ---------- */

const isInsider = (m: MemberFacts) => m.affiliation === "lead-unit" || m.affiliation === "co-build-unit";

function checkCharter(f: CenterFacts): RuleResult {
  const r = charterSpec;
  if (f.legalEntity?.independent === undefined)
    return needsInformation(r, "是否为独立法人实体", "whether the center is an independent legal entity");
  if (f.hasCharter === undefined)
    return needsInformation(r, "是否已制定管理章程", "whether a management charter exists");
  if (!f.legalEntity.independent)
    return ruleResult(
      r,
      "fail",
      `非独立法人实体，原则上应为独立法人实体（${where(r)}）`,
      `Not an independent legal entity, required in principle by ${where(r)}`,
    );
  if (!f.hasCharter)
    return ruleResult(
      r,
      "fail",
      `未制定管理章程（${where(r)}）`,
      `No management charter, required by ${where(r)}`,
    );
  return ruleResult(
    r,
    "pass",
    `独立法人实体，已制定管理章程（${where(r)}）`,
    `Independent legal entity with a charter (${where(r)})`,
  );
}

function checkBodies(f: CenterFacts): RuleResult {
  const r = bodiesSpec;
  if (!f.board) return needsInformation(r, "理事会（董事会）成员", "board members");
  if (!f.committee) return needsInformation(r, "技术指导委员会", "the technical guidance committee");
  if (f.board.members.length === 0)
    return ruleResult(
      r,
      "fail",
      `理事会（董事会）无成员（${where(r)}）`,
      `The board has no members (${where(r)})`,
    );
  const outsiders = f.board.members.filter((m) => !isInsider(m)).length;
  if (outsiders > 0)
    return ruleResult(
      r,
      "fail",
      `理事会（董事会）应由牵头单位、共建单位人员组成，有 ${outsiders} 名外单位成员（${where(r)}）`,
      `The board must consist of lead and co-build unit members; ${outsiders} member(s) are external (${where(r)})`,
    );
  if (f.committee.kind !== "tech-guidance-committee")
    return ruleResult(
      r,
      "fail",
      `应组建技术指导委员会（${where(r)}）`,
      `A technical guidance committee is required (${where(r)})`,
    );
  return ruleResult(
    r,
    "pass",
    `理事会（董事会）${f.board.members.length} 人均来自牵头、共建单位；已设技术指导委员会（${where(r)}）`,
    `Board of ${f.board.members.length} from lead/co-build units; technical guidance committee in place (${where(r)})`,
  );
}

/** Zero members is treated as missing information: the ratio is undefined and the committee not yet described. */
function checkOutsiders(f: CenterFacts): RuleResult {
  const r = outsidersSpec;
  const members = f.committee?.members;
  if (!members || members.length === 0)
    return needsInformation(r, "技术指导委员会成员名单", "the committee member list");
  const insiders = members.filter(isInsider).length;
  const total = members.length;
  // insiders / total <= 1/3, in integers.
  const ok = insiders * 3 <= total;
  return ruleResult(
    r,
    ok ? "pass" : "fail",
    `牵头、共建单位人员 ${insiders}/${total} 人${ok ? "不超过" : "超过"}总人数三分之一（${where(r)}）`,
    `Lead/co-build unit members ${insiders} of ${total} ${ok ? "within" : "exceed"} the one-third limit of ${where(r)}`,
  );
}

function checkChair(f: CenterFacts): RuleResult {
  const r = chairSpec;
  const chair = f.committee?.chair;
  if (!chair) return needsInformation(r, "技术指导委员会主任", "the committee chair");
  if (chair.affiliation !== "external")
    return ruleResult(
      r,
      "fail",
      `技术指导委员会主任 ${chair.name} 来自${chair.affiliation === "lead-unit" ? "牵头单位" : "共建单位"}（${where(r)}）`,
      `Committee chair ${chair.name} is from the ${chair.affiliation === "lead-unit" ? "lead unit" : "a co-build unit"} (${where(r)})`,
    );
  return ruleResult(
    r,
    "pass",
    `技术指导委员会主任 ${chair.name} 来自外单位（${where(r)}）`,
    `Committee chair ${chair.name} is external (${where(r)})`,
  );
}

const requiredExperts = [
  { expertise: "technical", zh: "技术专家", en: "technical expert" },
  { expertise: "management", zh: "管理专家", en: "management expert" },
  { expertise: "economic", zh: "经济专家", en: "economic expert" },
] as const;

function checkMakeup(f: CenterFacts): RuleResult {
  const r = makeupSpec;
  const members = f.committee?.members;
  if (!members || members.length === 0)
    return needsInformation(r, "技术指导委员会成员名单", "the committee member list");
  const missing = requiredExperts.filter((e) => !members.some((m) => m.expertise === e.expertise));
  const hasDirector = members.some((m) => m.isDirector === true);
  const missingZh = [...(hasDirector ? [] : ["中心主任"]), ...missing.map((e) => e.zh)];
  const missingEn = [...(hasDirector ? [] : ["the director"]), ...missing.map((e) => e.en)];
  if (missingZh.length > 0)
    return ruleResult(
      r,
      "fail",
      `技术指导委员会缺少：${missingZh.join("、")}（${where(r)}）`,
      `Committee lacks: ${missingEn.join(", ")} (${where(r)})`,
    );
  return ruleResult(
    r,
    "pass",
    `技术指导委员会含中心主任及技术、管理、经济专家（${where(r)}）`,
    `Committee includes the director and technical, management and economic experts (${where(r)})`,
  );
}

function checkDirectorTime(f: CenterFacts): RuleResult {
  const r = directorTimeSpec;
  const months = f.director?.monthsPerYearAtCenter;
  if (months === undefined)
    return needsInformation(r, "中心主任每年在中心工作月数", "the director's months per year at the center");
  const ok = months >= 9;
  return ruleResult(
    r,
    ok ? "pass" : "fail",
    `中心主任每年在中心工作 ${months} 个月 ${ok ? "≥" : "<"} 9 个月（${where(r)}）`,
    `Director at the center ${months} months a year ${ok ? "≥" : "<"} 9 months required by ${where(r)}`,
  );
}

function checkMatchingFunds(f: CenterFacts): RuleResult {
  const r = matchingFundsSpec;
  const type = f.leadUnit?.type;
  if (type === undefined) return needsInformation(r, "牵头单位类型", "the lead unit's type");
  if (type !== "enterprise") {
    const label = organizationTypeLabels[type];
    return ruleResult(
      r,
      "pass",
      `不适用：牵头单位为${label.zh}，非企业（${where(r)}）`,
      `Not applicable to ${label.en.toLowerCase()} lead units (${where(r)})`,
    );
  }
  if (f.fiscalSupport === undefined)
    return needsInformation(r, "自治区财政支持资金", "the regional fiscal support");
  if (f.matchingRdFunds === undefined)
    return needsInformation(r, "研发活动配套资金", "the R&D matching funds");
  const ok = f.matchingRdFunds >= f.fiscalSupport;
  return ruleResult(
    r,
    ok ? "pass" : "fail",
    `研发配套资金 ${formatCny(f.matchingRdFunds)} ${ok ? "≥" : "<"} 自治区财政支持资金 ${formatCny(f.fiscalSupport)}（${where(r)}）`,
    `R&D matching funds ${formatCny(f.matchingRdFunds)} ${ok ? "≥" : "<"} regional fiscal support ${formatCny(f.fiscalSupport)} required by ${where(r)}`,
  );
}

const withCheck = (spec: RuleSpec, evaluate: (facts: CenterFacts) => RuleResult): PolicyRule => ({
  ...spec,
  evaluate,
});

/** Every catalog rule of nm-tic-2020, plus the cross-cutting rules this source states. */
export const nmRules = {
  fields,
  structure,
  charter: withCheck(charterSpec, checkCharter),
  bodies: withCheck(bodiesSpec, checkBodies),
  committeeOutsiders: withCheck(outsidersSpec, checkOutsiders),
  committeeChair: withCheck(chairSpec, checkChair),
  committeeMakeup: withCheck(makeupSpec, checkMakeup),
  directorTime: withCheck(directorTimeSpec, checkDirectorTime),
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
  matchingFunds: withCheck(matchingFundsSpec, checkMatchingFunds),
  postSubsidy,
  outline,
  publicity,
  conflictOfInterest,
} satisfies Record<string, PolicyRule>;

export const nmRuleList: readonly PolicyRule[] = Object.values(nmRules);
