import {
  type CenterFacts,
  type Citation,
  needsInformation,
  type PlatformKind,
  type PolicyRule,
  ruleResult,
} from "@kechuang/domain";

const SOURCE = "sc-tic-2018";
const cite = (clause: string, quote: string): Citation => ({ source: SOURCE, clause, quote });
const centers: readonly PlatformKind[] = ["tech-innovation-center"];

export const periodRule: PolicyRule = {
  id: "sc-tic.period",
  citation: cite("三(二)", "一般以三年为建设周期"),
  title: { zh: "建设周期一般为三年", en: "Construction period is normally 3 years" },
  appliesTo: centers,
  implementedBy: "schedule",
};

export const fieldsRule: PolicyRule = {
  id: "sc-tic.fields",
  citation: cite("三(一)", "重点在智能制造、干细胞及转化、蛋白质调控、新能源、纳米材料等领域超前部署"),
  title: { zh: "重点建设领域（三个面向）", en: "Key fields in three orientations" },
  appliesTo: centers,
  implementedBy: "data",
};

export const leadUnitRule: PolicyRule = {
  id: "sc-tic.lead-unit",
  citation: cite("三(三)", "具有在省内行业公认的技术研发优势、领军人才和团队"),
  title: { zh: "牵头组建单位的条件", en: "Lead unit qualifications" },
  appliesTo: centers,
  implementedBy: "checklist",
  prompt: {
    zh: "牵头组建单位是否具有省内行业公认的技术研发优势、领军人才和团队，并具有广泛联合产学研各方、整合创新资源、形成创新合作网络的优势和能力？请记录判断依据。",
    en: "Does the lead unit have an R&D advantage recognised across the province's industry, leading talent and a team, and the ability to unite industry, academia and research, pool resources and build an innovation network? Record the evidence.",
  },
};

export const legalStatusRule: PolicyRule = {
  id: "sc-tic.legal-status",
  citation: cite("五(一)", "省级技术创新中心原则上应为独立法人实体"),
  title: {
    zh: "法律地位：原则上为独立法人实体",
    en: "Legal status: an independent legal entity in principle",
  },
  appliesTo: centers,
  // "In principle": a non-entity may proceed with relatively independent personnel, finance and assets,
  // so this is a reviewer's judgement rather than a pass/fail check.
  implementedBy: "checklist",
  prompt: {
    zh: "中心是否为独立法人实体？如尚不具备条件，是否已实现人、财、物相对独立的管理机制，并有向独立法人过渡的安排？",
    en: "Is the center an independent legal entity? If not yet, does it run relatively independent personnel, finance and assets, with a plan to become a legal entity?",
  },
};

export const governanceRule: PolicyRule = {
  id: "sc-tic.governance",
  citation: cite("五(二)", "设立董事会或理事会、专家委员会"),
  title: { zh: "治理结构：董事会（理事会）与专家委员会", en: "Governance: a board and an expert committee" },
  appliesTo: centers,
  implementedBy: "eligibility",
  evaluate: (facts) => evaluateGovernance(facts),
};

/**
 * Both bodies must exist; a technical guidance committee is Inner Mongolia's body, not Sichuan's 专家委员会.
 * An absent body is unknown (needs-information); a body given with 0 members is a stated fact and fails.
 */
function evaluateGovernance(facts: CenterFacts) {
  const rule = governanceRule;
  const where = `${SOURCE} 五(二)`;
  if (!facts.board) return needsInformation(rule, "董事会或理事会成员", "board members");
  if (!facts.committee) return needsInformation(rule, "专家委员会成员", "expert committee members");
  const boardSize = facts.board.members.length;
  const committeeSize = facts.committee.members.length;
  if (boardSize === 0) {
    return ruleResult(
      rule,
      "fail",
      `董事会或理事会成员 0 人，须设立董事会或理事会（${where}）`,
      `Board has 0 members; a board is required by ${where}`,
    );
  }
  if (facts.committee.kind !== "expert-committee") {
    return ruleResult(
      rule,
      "fail",
      `所设委员会为技术指导委员会，须设立专家委员会（${where}）`,
      `The committee is a technical guidance committee; an expert committee is required by ${where}`,
    );
  }
  if (committeeSize === 0) {
    return ruleResult(
      rule,
      "fail",
      `专家委员会成员 0 人，须设立专家委员会（${where}）`,
      `Expert committee has 0 members; an expert committee is required by ${where}`,
    );
  }
  return ruleResult(
    rule,
    "pass",
    `已设董事会或理事会（${boardSize} 人）和专家委员会（${committeeSize} 人）（${where}）`,
    `Board (${boardSize} members) and expert committee (${committeeSize} members) in place, as ${where} requires`,
  );
}

export const fundingRule: PolicyRule = {
  id: "sc-tic.funding",
  citation: cite("五(五)", "可采用会员制、股份制、协议制等方式吸纳各方共同投入,企业承担主要投入责任"),
  title: {
    zh: "资金投入：会员制、股份制、协议制，企业为投入主体",
    en: "Funding: membership, shares or agreement; enterprises invest most",
  },
  appliesTo: centers,
  implementedBy: "checklist",
  prompt: {
    zh: "建设方案是否采用会员制、股份制、协议制等方式吸纳各方共同投入，且企业承担主要投入责任？请记录各方投入额。",
    en: "Does the plan pool funds by membership, shareholding or agreement, with enterprises bearing the main investment? Record each party's contribution.",
  },
};

export const stagesRule: PolicyRule = {
  id: "sc-tic.stages",
  citation: cite("六(一)", "符合条件的单位向科技厅提出建设意向"),
  title: {
    zh: "组建程序：提出意向、方案论证、启动建设、监督和评估",
    en: "Procedure: intent, plan consultation, launch, supervision and evaluation",
  },
  appliesTo: centers,
  implementedBy: "workflow",
};

export const panelRule: PolicyRule = {
  id: "sc-tic.panel",
  citation: cite("六(二)", "组建由技术专家、管理专家、科技政策专家等组成的专家组"),
  title: {
    zh: "论证专家组须含技术、管理、科技政策专家",
    en: "Consultation panel includes technical, management and S&T-policy experts",
  },
  appliesTo: centers,
  implementedBy: "panel",
};

export const outcomesRule: PolicyRule = {
  id: "sc-tic.outcomes",
  // The summary evaluation's timing and its consequences are one sentence of 六(四): the schedule cites it too.
  citation: cite(
    "六(四)",
    "建设期满前,科技厅组织开展建设情况总结评估,并根据评估结果决定整改、撤销或后续支持等重大事项",
  ),
  title: {
    zh: "建设期满前总结评估，结果：整改、撤销或后续支持",
    en: "Summary evaluation before the period ends; outcome: rectification, revocation or continued support",
  },
  appliesTo: centers,
  implementedBy: "evaluation",
};

export const annualReportRule: PolicyRule = {
  id: "sc-tic.annual-report",
  citation: cite("六(四)", "有关单位将省级技术创新中心年度建设情况书面报科技厅"),
  title: { zh: "年度建设情况书面报告", en: "Annual written report to the department" },
  appliesTo: centers,
  implementedBy: "schedule",
};

export const scTicRules: readonly PolicyRule[] = [
  periodRule,
  fieldsRule,
  leadUnitRule,
  legalStatusRule,
  governanceRule,
  fundingRule,
  stagesRule,
  panelRule,
  outcomesRule,
  annualReportRule,
];
