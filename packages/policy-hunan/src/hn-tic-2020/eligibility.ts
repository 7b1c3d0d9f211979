import {
  type CenterFacts,
  formatCny,
  needsInformation,
  type OrganizationType,
  organizationTypeLabels,
  type PolicyRule,
  type RuleResult,
  type RuleSpec,
  ruleResult,
} from "@kechuang/domain";
import { centers, cite, where } from "./citation";

/* ---------- eligibility rules: pure checks on CenterFacts ---------- */

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

/** Answers for lead units the rule does not govern; undefined when the rule applies. */
function outOfScope(
  rule: RuleSpec,
  facts: CenterFacts,
  applies: readonly OrganizationType[],
): RuleResult | undefined {
  const type = facts.leadUnit?.type;
  if (type === undefined) return needsInformation(rule, "牵头单位类型", "the lead unit's type");
  if (applies.includes(type)) return undefined;
  return ruleResult(
    rule,
    "pass",
    `不适用：牵头单位为${organizationTypeLabels[type].zh}（${where(rule)}）`,
    `Not applicable to ${organizationTypeLabels[type].en.toLowerCase()} lead units (${where(rule)})`,
  );
}

/** 40,000,000 or 39,999,999.67: an average over three years keeps its fraction in messages. */
const formatAverageCny = (sum: number, count: number) =>
  `${(sum / count).toLocaleString("en-US", { maximumFractionDigits: 2 })} CNY`;

const RD_AVERAGE_MIN = 40_000_000;

function checkEnterpriseRd(f: CenterFacts): RuleResult {
  const r = enterpriseRdSpec;
  const skip = outOfScope(r, f, ["enterprise"]);
  if (skip) return skip;
  const years = f.leadUnit?.rdExpenditureLast3Years;
  if (!years) return needsInformation(r, "近三年研发经费", "R&D expenditure of the last three years");
  const sum = years.reduce((a, b) => a + b, 0);
  // Compare sums, not a rounded average: sum >= 3 × 40,000,000.
  const enough = sum >= RD_AVERAGE_MIN * years.length;
  const figure = `${formatAverageCny(sum, years.length)} ${enough ? "≥" : "<"} ${formatCny(RD_AVERAGE_MIN)}`;
  const averageResult = ruleResult(
    r,
    enough ? "pass" : "fail",
    `近三年平均研发投入 ${figure}（${where(r)}）`,
    `3-year average R&D ${figure} required by ${where(r)}`,
  );
  if (!enough) return averageResult;
  const leader = f.leadUnit?.industryLeader;
  if (leader === undefined)
    return needsInformation(r, "是否为行业龙头企业", "whether it is an industry leader");
  if (!leader)
    return ruleResult(
      r,
      "fail",
      `牵头企业须是行业龙头企业；近三年平均研发投入 ${figure}（${where(r)}）`,
      `The lead enterprise must be an industry leader; 3-year average R&D ${figure} (${where(r)})`,
    );
  return averageResult;
}

function checkServiceIncome(f: CenterFacts): RuleResult {
  const r = serviceIncomeSpec;
  const skip = outOfScope(r, f, academia);
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
    `技术服务等收入 ${formatCny(service)} 占年收入 ${formatCny(income)} 的 ${percent} ${enough ? "≥" : "<"} 30%（${where(r)}）`,
    `Technical service income ${formatCny(service)} is ${percent} of annual income ${formatCny(income)}, ${enough ? "≥" : "<"} 30% required by ${where(r)}`,
  );
}

const CASES_MIN = 5;

function checkCases(f: CenterFacts): RuleResult {
  const r = casesSpec;
  const skip = outOfScope(r, f, academia);
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
    `${cases} successful transfer cases ${enough ? "≥" : "<"} ${CASES_MIN} required by ${where(r)}`,
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
      `Not an independent legal entity: ${where(r)} asks for one in principle; explain why not, for the reviewers to judge`,
    );
  if (entity.registeredCapital === undefined) return needsInformation(r, "注册资金", "registered capital");
  const enough = entity.registeredCapital >= CAPITAL_MIN;
  const figure = `${formatCny(entity.registeredCapital)} ${enough ? "≥" : "<"} ${formatCny(CAPITAL_MIN)}`;
  return ruleResult(
    r,
    enough ? "pass" : "fail",
    `注册资金 ${figure}（${where(r)}）`,
    `Registered capital ${figure} required by ${where(r)}`,
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
      `The board has no members (${where(r)})`,
    );
  if (f.committee.kind !== "expert-committee")
    return ruleResult(
      r,
      "fail",
      `应设专家委员会（${where(r)}）`,
      `An expert committee is required (${where(r)})`,
    );
  if (!fullTime)
    return ruleResult(
      r,
      "fail",
      `中心主要负责人非专职（${where(r)}）`,
      `The main leader is not full-time, required by ${where(r)}`,
    );
  return ruleResult(
    r,
    "pass",
    `已设理事会（董事会）与专家委员会，主要负责人专职（${where(r)}）`,
    `Board and expert committee in place; full-time main leader (${where(r)})`,
  );
}

const withCheck = (spec: RuleSpec, evaluate: (facts: CenterFacts) => RuleResult): PolicyRule => ({
  ...spec,
  evaluate,
});

export const hnEligibility = {
  enterpriseRd: withCheck(enterpriseRdSpec, checkEnterpriseRd),
  academiaServiceIncome: withCheck(serviceIncomeSpec, checkServiceIncome),
  academiaCases: withCheck(casesSpec, checkCases),
  capital: withCheck(capitalSpec, checkCapital),
  bodies: withCheck(bodiesSpec, checkBodies),
} satisfies Record<string, PolicyRule>;
