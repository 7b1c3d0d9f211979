import {
  type CenterFacts,
  type Citation,
  formatCny,
  needsInformation,
  type OrganizationType,
  organizationTypeLabels,
  type PolicyRule,
  type RuleResult,
  type RuleSpec,
  ruleResult,
} from "@kechuang/domain";

const SOURCE = "hn-tic-2020";
const cite = (clause: string, quote: string): Citation => ({ source: SOURCE, clause, quote });
const centers = ["tech-innovation-center"] as const;
const where = (rule: RuleSpec) => `${rule.citation.source} ${rule.citation.clause}`;

/* ---------- rule specs (id, citation, title): one per catalog id ---------- */

const categories: RuleSpec = {
  id: "hn-tic.categories",
  citation: cite("三(一)", "省技术创新中心分为综合类和领域类两个类别进行布局建设，坚持“少而精”原则"),
  title: { zh: "综合类与领域类", en: "Comprehensive and domain categories" },
  appliesTo: centers,
  implementedBy: "data",
};

const fields: RuleSpec = {
  id: "hn-tic.fields",
  citation: cite("三(二)", "面向世界科技前沿"),
  title: { zh: "重点建设领域", en: "Key fields" },
  appliesTo: centers,
  implementedBy: "data",
};

const period: RuleSpec = {
  id: "hn-tic.period",
  citation: cite("三(三)", "一般以三年为建设周期"),
  title: { zh: "一般以三年为建设周期", en: "Normally a three-year construction period" },
  appliesTo: centers,
  implementedBy: "data",
};

const leadGeneral: RuleSpec = {
  id: "hn-tic.lead-general",
  citation: cite("三(四)", "牵头单位必须在技术上处于国内同行业领先地位"),
  title: { zh: "牵头单位基本条件", en: "Lead unit: general conditions" },
  appliesTo: centers,
  implementedBy: "checklist",
  prompt: {
    zh: "判断并记录：牵头单位技术上处于国内同行业领先地位；在申报领域方向具有省级以上创新平台支撑；研发投入、发明专利或PCT国际专利处于国内同行业前列；拥有高水平领军人才和创新团队，承担过国家或省级重大研发项目；领导班子创新意识强，已建立鼓励技术创新的制度，资源整合与技术转移扩散能力较强。",
    en: "Judge and record: the lead unit leads its field nationally; has provincial-or-higher platform support in the declared field; ranks in the national front for R&D input and invention/PCT patents; has leading talent and teams with national or provincial major project experience; its leadership is innovation-minded, with rules encouraging innovation and strong integration and transfer capacity.",
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

/** One citation for the procedure and its consultation panel: 五(二) names the five kinds of expert. */
const stages: RuleSpec = {
  id: "hn-tic.stages",
  citation: cite(
    "五(二)",
    "组建由技术专家、管理专家、科技政策专家、法律专家、财税专家等组成的专家组对建设方案进行咨询论证",
  ),
  title: {
    zh: "建设程序：市州推荐、方案论证、现场考察、公示、批准组建",
    en: "Procedure: city recommendation, consultation, site inspection, publicity, approval",
  },
  appliesTo: centers,
  implementedBy: "workflow",
};

const annualReport: RuleSpec = {
  id: "hn-tic.annual-report",
  citation: cite(
    "五(四)",
    "从批准组建次年开始，建设单位每年1 月底前编写上年度工作总结和本年度工作计划报省科技厅",
  ),
  title: { zh: "年度报告制度", en: "Annual report" },
  appliesTo: centers,
  implementedBy: "schedule",
};

const evaluation: RuleSpec = {
  id: "hn-tic.evaluation",
  citation: cite("六(五)", "委托第三方机构开展中心运行绩效评估"),
  title: { zh: "第三方绩效评价", en: "Third-party performance evaluation" },
  appliesTo: centers,
  implementedBy: "evaluation",
};

const outline: RuleSpec = {
  id: "hn-tic.outline",
  citation: cite("附件", "湖南省技术创新中心建设方案编写提纲"),
  title: { zh: "建设方案编写提纲", en: "Plan outline" },
  appliesTo: centers,
  implementedBy: "data",
};

const publicity: RuleSpec = {
  id: "common.publicity",
  citation: cite("五(三)", "经公示无异议，由省科技厅发文批准组建"),
  title: { zh: "经公示无异议方可批准组建", en: "Approval only after publicity without objection" },
  appliesTo: centers,
  implementedBy: "workflow",
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
    return ruleResult(
      r,
      "fail",
      `非独立法人实体，原则上应为独立法人实体（${where(r)}）`,
      `Not an independent legal entity, required in principle by ${where(r)}`,
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

/** Every catalog rule of hn-tic-2020, plus the cross-cutting rule this source states (经公示无异议). */
export const hnRules = {
  categories,
  fields,
  period,
  leadGeneral,
  enterpriseRd: withCheck(enterpriseRdSpec, checkEnterpriseRd),
  academiaServiceIncome: withCheck(serviceIncomeSpec, checkServiceIncome),
  academiaCases: withCheck(casesSpec, checkCases),
  capital: withCheck(capitalSpec, checkCapital),
  bodies: withCheck(bodiesSpec, checkBodies),
  stages,
  annualReport,
  evaluation,
  outline,
  publicity,
} satisfies Record<string, PolicyRule>;

export const hnRuleList: readonly PolicyRule[] = Object.values(hnRules);
