import type { Citation, LocalizedText } from "@kechuang/domain";

const quoted = (c: Citation | null) => (c ? `（${c.source} ${c.clause}：“${c.quote}”）` : "");
const quotedEn = (c: Citation | null) => (c ? ` (${c.source} ${c.clause}: “${c.quote}”)` : "");

/** Bilingual texts of evaluations, rectification and delisting (zh-CN default). */
export const evaluationMessages = {
  platformNotFound: { zh: "未找到该平台，或您无权查看", en: "No such platform, or you may not see it" },
  evaluationNotFound: { zh: "未找到该评估，或您无权查看", en: "No such evaluation, or you may not see it" },
  rectificationNotFound: {
    zh: "未找到该整改，或您无权查看",
    en: "No such rectification, or you may not see it",
  },
  noEvaluationPolicy: {
    zh: "该平台所依据的政策未规定评估评价",
    en: "The platform's policy provides for no evaluation",
  },
  notYetDue: (earliestOn: string | null, c: Citation | null): LocalizedText => ({
    zh: earliestOn
      ? `该平台最早于${earliestOn}接受评估评价${quoted(c)}`
      : `该平台尚无到期的评估评价${quoted(c)}`,
    en: earliestOn
      ? `The platform can be evaluated from ${earliestOn} on${quotedEn(c)}`
      : `No evaluation of this platform is due${quotedEn(c)}`,
  }),
  mixedPolicies: {
    zh: "一个评估批次只能包含同一政策下的平台",
    en: "One evaluation round covers platforms of one policy only",
  },
  alreadyOpen: {
    zh: "该平台已有进行中的评估评价",
    en: "The platform already has an evaluation in progress",
  },
  delisted: { zh: "该平台已被撤销", en: "The platform has been revoked" },
  notOpen: { zh: "该评估已完成评定，不能再修改", en: "This evaluation is graded and can no longer change" },
  notAnExpert: { zh: "该用户不是评审专家", en: "That user is not an expert" },
  alreadyAssigned: { zh: "该专家已被分配到此评估", en: "That expert is already assigned to this evaluation" },
  conflict: (organization: string, tie: LocalizedText): LocalizedText => ({
    zh: `利益冲突：该专家所在单位“${organization}”是该平台的${tie.zh}，不能参加评估`,
    en: `Conflict of interest: the expert's organization “${organization}” is the platform's ${tie.en}`,
  }),
  thirdPartyOnly: (c: Citation | null): LocalizedText => ({
    zh: `该政策规定由第三方机构开展评估${quoted(c)}，请登记第三方机构`,
    en: `The policy has a third party evaluate${quotedEn(c)}: record the third-party evaluator`,
  }),
  noThirdParty: {
    zh: "该政策未规定由第三方机构评估，请分配评审专家",
    en: "The policy does not name a third-party evaluator: assign experts",
  },
  evaluatorMissing: {
    zh: "评定前请先分配评审专家或登记第三方机构",
    en: "Assign experts or record the third-party evaluator before grading",
  },
  unknownFocusArea: (id: string): LocalizedText => ({
    zh: `该政策的评价重点中没有“${id}”`,
    en: `“${id}” is not one of the policy's focus areas`,
  }),
  gradeRequired: (names: string, c: Citation | null): LocalizedText => ({
    zh: `请选择该政策规定的评价结果之一：${names}${quoted(c)}`,
    en: `Choose one of the policy's grades: ${names}${quotedEn(c)}`,
  }),
  noGrades: (c: Citation | null): LocalizedText => ({
    zh: `该政策未规定评价档次${quoted(c)}，只记录评估结论`,
    en: `The policy names no grades${quotedEn(c)}: record the findings only`,
  }),
  futureDate: { zh: "日期不能晚于今天", en: "The date cannot be later than today" },
  rectificationDueRequired: {
    zh: "政策未规定整改期限（本地设置）：请填写整改截止日期，须晚于评估日期",
    en: "The policy gives no rectification period (a local setting): enter a due date after the evaluation",
  },
  rectificationDueFixed: (months: number, c: Citation | null): LocalizedText => ({
    zh: `整改期限由政策规定为${months}个月${quoted(c)}，不能另行设定`,
    en: `The policy fixes the rectification period at ${months} months${quotedEn(c)}`,
  }),
  rectificationClosed: {
    zh: "该整改已结束或已提交整改报告",
    en: "This rectification is closed or its report is already in",
  },
  reEvaluationTooEarly: (dueOn: string, c: Citation | null): LocalizedText => ({
    zh: `整改期至${dueOn}届满，届满后方可重新评估${quoted(c)}`,
    en: `The rectification period ends on ${dueOn}; re-evaluate from then on${quotedEn(c)}`,
  }),
  reEvaluationExists: {
    zh: "该整改已安排重新评估",
    en: "A re-evaluation of this rectification already exists",
  },
  unknownGround: (id: string): LocalizedText => ({
    zh: `“${id}”不是该政策规定的撤销情形`,
    en: `“${id}” is not one of the policy's delisting grounds`,
  }),
  groundNotEstablished: (text: LocalizedText): LocalizedText => ({
    zh: `系统中没有支持“${text.zh}”的评估记录`,
    en: `No stored evaluation supports “${text.en}”`,
  }),
  alreadyDelisted: { zh: "该平台已被撤销", en: "The platform is already revoked" },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;
