import {
  type CenterFacts,
  formatCny,
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

/**
 * 三(四)'s general conditions are a reviewer's judgement (leading position, patents, talent, leadership),
 * except the one a stated fact settles: "必须…在申报领域方向具有省级以上创新平台支撑". The rule stays a
 * checklist item for the rest and evaluates that fact.
 */
const leadGeneralSpec: RuleSpec = {
  id: "hn-tic.lead-general",
  citation: cite(
    "三(四)",
    "牵头单位必须在技术上处于国内同行业领先地位，在申报领域方向具有省级以上创新平台支撑",
  ),
  title: { zh: "牵头单位基本条件", en: "Lead unit: general conditions" },
  appliesTo: centers,
  implementedBy: "checklist",
  prompt: {
    zh: "判断并记录：牵头单位技术上处于国内同行业领先地位；在申报领域方向具有省级以上创新平台支撑（申报单位已声明，资格审查已核对，请核验证明材料）；研发投入、发明专利或PCT国际专利处于国内同行业前列；拥有高水平领军人才和创新团队，承担过国家或省级重大研发项目；领导班子创新意识强，已建立鼓励技术创新的制度，资源整合与技术转移扩散能力较强。",
    en: "Judge and record: the lead unit leads its field nationally; has provincial-or-higher platform support in the declared field (stated by the applicant and checked by eligibility; verify the evidence); ranks in the national front for R&D input and invention/PCT patents; has leading talent and teams with national or provincial major project experience; its leadership is innovation-minded, with rules encouraging innovation and strong integration and transfer capacity.",
  },
};

const enterpriseRdSpec: RuleSpec = {
  id: "hn-tic.enterprise-rd",
  citation: cite("三(四)", "牵头单位为企业的，须是行业的龙头企业，近三年平均研发经费不低于4000万元"),
  title: {
    zh: "企业牵头：行业龙头企业，近三年平均研发经费不低于4000万元",
    en: "Enterprise lead: industry leader with 3-year average R&D of at least 40,000,000 CNY",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const serviceIncomeSpec: RuleSpec = {
  id: "hn-tic.academia-service-income",
  citation: cite("三(四)", "对外提供技术咨询、技术服务、成果转让（转化）等取得的收入占年收入的比例不低于30%"),
  title: {
    zh: "高校院所牵头：技术服务等收入占年收入不低于30%",
    en: "Academia lead: technical service income at least 30% of annual income",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const casesSpec: RuleSpec = {
  id: "hn-tic.academia-cases",
  citation: cite("三(四)", "实现科技成果转化的成功案例5 例以上（含5 例）"),
  title: { zh: "高校院所牵头：成果转化成功案例不少于5例", en: "Academia lead: at least 5 transfer cases" },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const capitalSpec: RuleSpec = {
  id: "hn-tic.capital",
  citation: cite("四(一)", "省技术创新中心原则上应为独立法人实体，注册资金不少于1000万元"),
  title: {
    zh: "独立法人实体，注册资金不少于1000万元",
    en: "Independent legal entity with registered capital of at least 10,000,000 CNY",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
};

const bodiesSpec: RuleSpec = {
  id: "hn-tic.bodies",
  citation: cite("四(一)", "中心主要负责人应为专职工作人员"),
  title: {
    zh: "理事会（董事会）决策、主任负责、专家委员会咨询；主要负责人专职",
    en: "Board, director and expert committee; full-time main leader",
  },
  appliesTo: centers,
  implementedBy: "eligibility",
};

/* ---------- eligibility checks ---------- */

const academia: readonly OrganizationType[] = ["university", "research-institute", "new-rd-institution"];

/** "a university", "an enterprise": the organization type inside an English sentence. */
const withArticle = (type: OrganizationType): string => {
  const label = organizationTypeLabels[type].en;
  const noun = label.charAt(0).toLowerCase() + label.slice(1);
  return `${/^[aeio]/.test(noun) ? "an" : "a"} ${noun}`;
};

/**
 * Answers for lead units the rule does not govern (`not-applicable`, shown apart, never counted as met);
 * undefined when the rule applies.
 */
function outOfScope(
  rule: RuleSpec,
  facts: CenterFacts,
  applies: readonly OrganizationType[],
  governs: { zh: string; en: string },
): RuleResult | undefined {
  const type = facts.leadUnit?.type;
  if (type === undefined) return needsInformation(rule, "牵头单位类型", "the lead unit's type");
  if (applies.includes(type)) return undefined;
  return notApplicable(
    rule,
    `牵头单位为${organizationTypeLabels[type].zh}，本条只约束${governs.zh}`,
    `the lead unit is ${withArticle(type)}, and the rule governs ${governs.en} only`,
  );
}

const enterpriseLeads = { zh: "企业牵头的中心", en: "enterprise-led centers" };
const academiaLeads = {
  zh: "高校、科研院所、新型研发机构牵头的中心",
  en: "centers led by universities, research institutes or new R&D institutions",
};

function checkLeadGeneral(f: CenterFacts): RuleResult {
  const r = leadGeneralSpec;
  const support = f.leadUnit?.provincialPlatformSupport;
  if (support === undefined)
    return needsInformation(
      r,
      "牵头单位在申报领域方向是否具有省级以上创新平台支撑",
      "whether the lead unit has provincial-or-higher innovation platform support in the declared field",
    );
  if (!support)
    return ruleResult(
      r,
      "fail",
      `牵头单位在申报领域方向不具有省级以上创新平台支撑，该项为“必须”条件（${where(r)}）`,
      `The lead unit has no provincial-or-higher innovation platform support in the declared field, which ${where(r)} makes mandatory.`,
    );
  return ruleResult(
    r,
    "pass",
    `牵头单位在申报领域方向具有省级以上创新平台支撑；其余基本条件由评审判断（${where(r)}）`,
    `The lead unit has provincial-or-higher innovation platform support in the declared field; the reviewers judge the other general conditions (${where(r)}).`,
  );
}

const RD_AVERAGE_MIN = 40_000_000;

function checkEnterpriseRd(f: CenterFacts): RuleResult {
  const r = enterpriseRdSpec;
  const skip = outOfScope(r, f, ["enterprise"], enterpriseLeads);
  if (skip) return skip;
  const years = f.leadUnit?.rdExpenditureLast3Years;
  if (!years) return needsInformation(r, "近三年研发经费", "R&D expenditure of the last three years");
  const sum = years.reduce((a, b) => a + b, 0);
  // Compare sums, not a rounded average: sum >= 3 × 40,000,000.
  const enough = sum >= RD_AVERAGE_MIN * years.length;
  // An average over three years keeps its fraction in messages: 39,999,999.67.
  const average = { zh: formatCny(sum / years.length, "zh"), en: formatCny(sum / years.length, "en") };
  const figureZh = `${average.zh} ${enough ? "≥" : "<"} ${formatCny(RD_AVERAGE_MIN, "zh")}`;
  const averageEn = `The 3-year average R&D expenditure of ${average.en} is ${enough ? "at least" : "less than"} the ${formatCny(RD_AVERAGE_MIN, "en")} required by ${where(r)}`;
  const averageResult = ruleResult(
    r,
    enough ? "pass" : "fail",
    `近三年平均研发经费 ${figureZh}（${where(r)}）`,
    `${averageEn}.`,
  );
  if (!enough) return averageResult;
  const leader = f.leadUnit?.industryLeader;
  if (leader === undefined)
    return needsInformation(r, "是否为行业龙头企业", "whether it is an industry leader");
  if (!leader)
    return ruleResult(
      r,
      "fail",
      `牵头企业须是行业龙头企业；近三年平均研发经费 ${figureZh}（${where(r)}）`,
      `The lead enterprise is not an industry leader, which ${where(r)} requires. ${averageEn}.`,
    );
  return averageResult;
}

function checkServiceIncome(f: CenterFacts): RuleResult {
  const r = serviceIncomeSpec;
  const skip = outOfScope(r, f, academia, academiaLeads);
  if (skip) return skip;
  const income = f.leadUnit?.annualIncome;
  const service = f.leadUnit?.technicalServiceIncome;
  if (income === undefined) return needsInformation(r, "年收入", "annual income");
  if (service === undefined)
    return needsInformation(
      r,
      "技术咨询、服务、转让等收入",
      "technical consulting, service and transfer income",
    );
  // A share of zero income is undefined: treat a zero annual income as not yet given.
  if (income === 0) return needsInformation(r, "年收入（不能为0）", "a non-zero annual income");
  // service / income >= 30%, in integers.
  const enough = income * 30 <= service * 100;
  const percent = `${((service * 100) / income).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
  return ruleResult(
    r,
    enough ? "pass" : "fail",
    `技术服务等收入 ${formatCny(service, "zh")} 占年收入 ${formatCny(income, "zh")} 的 ${percent} ${enough ? "≥" : "<"} 30%（${where(r)}）`,
    `Technical service income of ${formatCny(service, "en")} is ${percent} of the annual income of ${formatCny(income, "en")}, ${enough ? "at least" : "less than"} the 30% required by ${where(r)}.`,
  );
}

const CASES_MIN = 5;

function checkCases(f: CenterFacts): RuleResult {
  const r = casesSpec;
  const skip = outOfScope(r, f, academia, academiaLeads);
  if (skip) return skip;
  const cases = f.leadUnit?.transferCasesInField;
  if (cases === undefined)
    return needsInformation(
      r,
      "申报领域成果转化成功案例数",
      "successful transfer cases in the declared field",
    );
  const enough = cases >= CASES_MIN;
  return ruleResult(
    r,
    enough ? "pass" : "fail",
    `成果转化成功案例 ${cases} 例 ${enough ? "≥" : "<"} ${CASES_MIN} 例（${where(r)}）`,
    `The lead unit has ${cases} successful transfer cases in the declared field, ${enough ? "at least" : "fewer than"} the ${CASES_MIN} required by ${where(r)}.`,
  );
}

const CAPITAL_MIN = 10_000_000;

function checkCapital(f: CenterFacts): RuleResult {
  const r = capitalSpec;
  const entity = f.legalEntity;
  if (entity?.independent === undefined)
    return needsInformation(r, "是否为独立法人实体", "whether the center is an independent legal entity");
  if (!entity.independent)
    // "原则上" (in principle): an exception is possible, so it is the reviewers' judgement, not a failure.
    return ruleResult(
      r,
      "needs-information",
      `非独立法人实体：${where(r)} 要求原则上为独立法人实体，请说明不组建独立法人的理由，由评审判断`,
      `The center is not an independent legal entity, which ${where(r)} asks for in principle; explain why, for the reviewers to judge.`,
    );
  if (entity.registeredCapital === undefined) return needsInformation(r, "注册资金", "registered capital");
  const enough = entity.registeredCapital >= CAPITAL_MIN;
  return ruleResult(
    r,
    enough ? "pass" : "fail",
    `注册资金 ${formatCny(entity.registeredCapital, "zh")} ${enough ? "≥" : "<"} ${formatCny(CAPITAL_MIN, "zh")}（${where(r)}）`,
    `The registered capital of ${formatCny(entity.registeredCapital, "en")} is ${enough ? "at least" : "less than"} the ${formatCny(CAPITAL_MIN, "en")} required by ${where(r)}.`,
  );
}

function checkBodies(f: CenterFacts): RuleResult {
  const r = bodiesSpec;
  if (!f.board) return needsInformation(r, "理事会（董事会）成员", "board members");
  if (!f.committee) return needsInformation(r, "专家委员会", "the expert committee");
  const fullTime = f.director?.fullTime;
  if (fullTime === undefined)
    return needsInformation(r, "中心主要负责人是否专职", "whether the main leader is full-time");
  if (f.board.members.length === 0)
    return ruleResult(
      r,
      "fail",
      `理事会（董事会）无成员（${where(r)}）`,
      `The board has no members (${where(r)}).`,
    );
  if (f.committee.kind !== "expert-committee")
    return ruleResult(
      r,
      "fail",
      `应设专家委员会（${where(r)}）`,
      `An expert committee is required (${where(r)}).`,
    );
  if (!fullTime)
    return ruleResult(
      r,
      "fail",
      `中心主要负责人非专职（${where(r)}）`,
      `The main leader is not full-time, but ${where(r)} requires a full-time one.`,
    );
  return ruleResult(
    r,
    "pass",
    `已设理事会（董事会）与专家委员会，主要负责人专职（${where(r)}）`,
    `A board and an expert committee are in place, and the main leader is full-time (${where(r)}).`,
  );
}

const withCheck = (spec: RuleSpec, evaluate: (facts: CenterFacts) => RuleResult): PolicyRule => ({
  ...spec,
  evaluate,
});

export const hnEligibility = {
  leadGeneral: withCheck(leadGeneralSpec, checkLeadGeneral),
  enterpriseRd: withCheck(enterpriseRdSpec, checkEnterpriseRd),
  academiaServiceIncome: withCheck(serviceIncomeSpec, checkServiceIncome),
  academiaCases: withCheck(casesSpec, checkCases),
  capital: withCheck(capitalSpec, checkCapital),
  bodies: withCheck(bodiesSpec, checkBodies),
} satisfies Record<string, PolicyRule>;
