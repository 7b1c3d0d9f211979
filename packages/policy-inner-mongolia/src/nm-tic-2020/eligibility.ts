import {
  type CenterFacts,
  formatCny,
  type MemberFacts,
  needsInformation,
  notApplicable,
  type OrganizationType,
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

/** "a university", "an enterprise": the organization type inside an English sentence. */
const withArticle = (type: OrganizationType): string => {
  const label = organizationTypeLabels[type].en;
  const noun = label.charAt(0).toLowerCase() + label.slice(1);
  return `${/^[aeio]/.test(noun) ? "an" : "a"} ${noun}`;
};

const isInsider = (m: MemberFacts) => m.affiliation === "lead-unit" || m.affiliation === "co-build-unit";

/**
 * 三(二) "原则上应为独立法人实体,制定管理章程": two parts answered on their own, in one result.
 * The charter is mandatory: none fails, whatever the legal form. Independence is asked "in principle"
 * (原则上), so a center that is not independent is left to the reviewers' judgement (needs-information
 * with the reason to give), never a failure, and never in place of the charter's own answer.
 */
function checkCharter(f: CenterFacts): RuleResult {
  const r = charterSpec;
  const charter =
    f.hasCharter === undefined
      ? { zh: "缺少信息：是否已制定管理章程", en: "Please state whether a management charter exists" }
      : f.hasCharter
        ? { zh: "已制定管理章程", en: "A management charter has been drawn up" }
        : {
            zh: "未制定管理章程，章程为必备条件",
            en: "No management charter has been drawn up, and the charter is mandatory",
          };
  const independent = f.legalEntity?.independent;
  const entity =
    independent === undefined
      ? {
          zh: "缺少信息：是否为独立法人实体",
          en: "Please state whether the center is an independent legal entity",
        }
      : independent
        ? { zh: "为独立法人实体", en: "The center is an independent legal entity" }
        : {
            zh: "非独立法人实体：原则上应为独立法人实体，请说明理由，由评审判断",
            en: "The center is not an independent legal entity, which the clause asks for in principle; explain why, for the reviewers to judge",
          };
  const outcome =
    f.hasCharter === false
      ? "fail"
      : f.hasCharter === undefined || independent !== true
        ? "needs-information"
        : "pass";
  return ruleResult(
    r,
    outcome,
    `${charter.zh}；${entity.zh}（${where(r)}）`,
    `${charter.en}. ${entity.en} (${where(r)}).`,
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
      `The board has no members (${where(r)}).`,
    );
  const outsiders = f.board.members.filter((m) => !isInsider(m)).length;
  if (outsiders > 0)
    return ruleResult(
      r,
      "fail",
      `理事会（董事会）应由牵头单位、共建单位人员组成，有 ${outsiders} 名外单位成员（${where(r)}）`,
      `The board must consist of lead and co-build unit members, but ${outsiders} member(s) come from outside them (${where(r)}).`,
    );
  if (f.committee.kind !== "tech-guidance-committee")
    return ruleResult(
      r,
      "fail",
      `应组建技术指导委员会（${where(r)}）`,
      `A technical guidance committee is required (${where(r)}).`,
    );
  return ruleResult(
    r,
    "pass",
    `理事会（董事会）${f.board.members.length} 人均来自牵头、共建单位；已设技术指导委员会（${where(r)}）`,
    `All ${f.board.members.length} board members come from the lead or co-build units, and a technical guidance committee is in place (${where(r)}).`,
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
    `${insiders} of the ${total} committee members come from the lead or co-build units, which is ${ok ? "within" : "over"} the one-third limit of ${where(r)}.`,
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
      `The committee chair, ${chair.name}, is from ${chair.affiliation === "lead-unit" ? "the lead unit" : "a co-build unit"}, but must come from neither (${where(r)}).`,
    );
  return ruleResult(
    r,
    "pass",
    `技术指导委员会主任 ${chair.name} 来自外单位（${where(r)}）`,
    `The committee chair, ${chair.name}, comes from neither the lead unit nor a co-build unit (${where(r)}).`,
  );
}

const requiredExperts = [
  { expertise: "technical", zh: "技术专家", en: "a technical expert" },
  { expertise: "management", zh: "管理专家", en: "a management expert" },
  { expertise: "economic", zh: "经济专家", en: "an economic expert" },
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
      `The committee lacks ${missingEn.join(", ")} (${where(r)}).`,
    );
  return ruleResult(
    r,
    "pass",
    `技术指导委员会含中心主任及技术、管理、经济专家（${where(r)}）`,
    `The committee includes the director and technical, management and economic experts (${where(r)}).`,
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
    `The director works at the center ${months} months a year, ${ok ? "at least" : "fewer than"} the 9 months required by ${where(r)}.`,
  );
}

function checkMatchingFunds(f: CenterFacts): RuleResult {
  const r = matchingFundsSpec;
  const type = f.leadUnit?.type;
  if (type === undefined) return needsInformation(r, "牵头单位类型", "the lead unit's type");
  if (type !== "enterprise")
    return notApplicable(
      r,
      `牵头单位为${organizationTypeLabels[type].zh}，本条只约束企业牵头的中心`,
      `the lead unit is ${withArticle(type)}, and only enterprise-led centers must match the fiscal support`,
    );
  if (f.fiscalSupport === undefined)
    return needsInformation(r, "自治区财政支持资金", "the regional fiscal support");
  if (f.matchingRdFunds === undefined)
    return needsInformation(r, "研发活动配套资金", "the R&D matching funds");
  const ok = f.matchingRdFunds >= f.fiscalSupport;
  return ruleResult(
    r,
    ok ? "pass" : "fail",
    `研发配套资金 ${formatCny(f.matchingRdFunds, "zh")} ${ok ? "≥" : "<"} 自治区财政支持资金 ${formatCny(f.fiscalSupport, "zh")}（${where(r)}）`,
    `The R&D matching funds of ${formatCny(f.matchingRdFunds, "en")} are ${ok ? "at least" : "less than"} the regional fiscal support of ${formatCny(f.fiscalSupport, "en")}; ${where(r)} requires at least as much.`,
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
