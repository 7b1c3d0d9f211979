import {
  type CenterFacts,
  formatCny,
  type MemberFacts,
  needsInformation,
  organizationTypeLabels,
  type PolicyRule,
  type RuleResult,
  type RuleSpec,
  ruleResult,
} from "@kechuang/domain";
import { centers, cite, where } from "./citation";

/* ---------- eligibility rules: pure checks on CenterFacts ---------- */

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

/* ---------- eligibility checks ---------- */

const isInsider = (m: MemberFacts) => m.affiliation === "lead-unit" || m.affiliation === "co-build-unit";

function checkCharter(f: CenterFacts): RuleResult {
  const r = charterSpec;
  if (f.legalEntity?.independent === undefined)
    return needsInformation(r, "是否为独立法人实体", "whether the center is an independent legal entity");
  if (f.hasCharter === undefined)
    return needsInformation(r, "是否已制定管理章程", "whether a management charter exists");
  if (!f.legalEntity.independent)
    // "原则上" (in principle): an exception is possible, so it is the reviewers' judgement, not a failure.
    return ruleResult(
      r,
      "needs-information",
      `非独立法人实体：${where(r)} 要求原则上为独立法人实体，请说明不组建独立法人的理由，由评审判断`,
      `Not an independent legal entity: ${where(r)} asks for one in principle; explain why not, for the reviewers to judge`,
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

export const nmEligibility = {
  charter: withCheck(charterSpec, checkCharter),
  bodies: withCheck(bodiesSpec, checkBodies),
  committeeOutsiders: withCheck(outsidersSpec, checkOutsiders),
  committeeChair: withCheck(chairSpec, checkChair),
  committeeMakeup: withCheck(makeupSpec, checkMakeup),
  directorTime: withCheck(directorTimeSpec, checkDirectorTime),
  matchingFunds: withCheck(matchingFundsSpec, checkMatchingFunds),
} satisfies Record<string, PolicyRule>;
