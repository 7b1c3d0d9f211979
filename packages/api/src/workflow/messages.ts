import type { Citation, Expertise, LocalizedText } from "@kechuang/domain";

/** Bilingual texts of the application workflow (zh-CN default). */
export const workflowMessages = {
  notFound: { zh: "未找到该申请，或您无权查看", en: "No such application, or you may not see it" },
  stale: {
    zh: "该申请已被他人修改，请刷新后重试（未做任何更改）",
    en: "Someone else changed this application; reload and retry (nothing was changed)",
  },
  notDraft: {
    zh: "只有草稿或退回修改的申请可以编辑",
    en: "Only a draft or a returned application can be edited",
  },
  unknownPolicyOrKind: {
    zh: "该政策不存在或不适用于所选平台类型",
    en: "The policy does not exist or does not govern this kind of platform",
  },
  noOrganization: { zh: "您的账号未关联单位", en: "Your account has no organization" },
  recommenderNotListed: (c: Citation): LocalizedText => ({
    zh: `推荐单位须从本政策规定的推荐主体中选择（${c.source} ${c.clause}：“${c.quote}”）`,
    en: `Choose the recommending body from those the policy names (${c.source} ${c.clause}: “${c.quote}”)`,
  }),
  noRecommendation: (policyId: string): LocalizedText => ({
    zh: `按该政策（${policyId}）申报不经推荐单位推荐，请勿指定推荐单位`,
    en: `Applications under ${policyId} are not recommended by anyone: name no recommending body`,
  }),
  usePublicityOpen: {
    zh: "请通过“发布公示”填写公示内容与截止日期",
    en: "Open publicity through publicity.open with the notice and its closing date",
  },
  planIncomplete: (sections: string): LocalizedText => ({
    zh: `建设方案尚未完成：${sections}`,
    en: `The plan is incomplete: ${sections}`,
  }),
  panelIncomplete: (missing: string): LocalizedText => ({
    zh: `论证专家组缺少以下类型的专家：${missing}`,
    en: `The panel lacks experts of these kinds: ${missing}`,
  }),
  panelEmpty: { zh: "尚未组建专家组", en: "No panel has been formed" },
  opinionsMissing: (n: number): LocalizedText => ({
    zh: `尚有${n}位专家未提交意见`,
    en: `${n} expert(s) have not submitted an opinion`,
  }),
  siteVisitMissing: { zh: "尚未记录现场考察", en: "No site visit has been recorded" },
  noPublicity: { zh: "尚未发布公示", en: "No publicity notice has been published" },
  notExpertStage: {
    zh: "该申请当前不在专家论证或评审阶段",
    en: "The application is not in a stage where experts give opinions",
  },
  notAssigned: { zh: "您未被分配评审该申请", en: "You are not assigned to this application" },
  opinionAlreadyIn: {
    zh: "您已提交过本阶段的意见",
    en: "You have already submitted your opinion for this stage",
  },
  notAnExpert: { zh: "该用户不是评审专家", en: "That user is not an expert" },
  alreadyOnPanel: { zh: "该专家已在专家组中", en: "That expert is already on the panel" },
  lacksExpertise: (seat: string): LocalizedText => ({
    zh: `该专家不具备“${seat}”方向的专长`,
    en: `That expert has no ${seat} expertise`,
  }),
  conflict: (organization: string, tie: LocalizedText): LocalizedText => ({
    zh: `存在利益冲突：该专家所在单位“${organization}”是本申请的${tie.zh}，不能分配（common.conflict-of-interest）`,
    en: `Conflict of interest: the expert's organization "${organization}" is the application's ${tie.en}; not assigned (common.conflict-of-interest)`,
  }),
  noticeNotFound: { zh: "未找到该公示", en: "No such publicity notice" },
  noticeClosed: { zh: "公示期不在进行中，不能提出异议", en: "The publicity period is not open" },
  objectionRateLimited: {
    zh: "提交异议过于频繁，请稍后再试",
    en: "Too many objections from your address; try again later",
  },
  objectionNotFound: { zh: "未找到该异议", en: "No such objection" },
  objectionResolved: { zh: "该异议已处理", en: "That objection has already been resolved" },
  attachmentRefused: (why: LocalizedText): LocalizedText => ({
    zh: `附件未被接受：${why.zh}`,
    en: `The attachment was refused: ${why.en}`,
  }),
  attachmentNotFound: { zh: "未找到该附件", en: "No such attachment" },
  versionNotFound: { zh: "未找到该版本", en: "No such version" },
} as const;

/** Expertise seat names (domain has no label table for them yet). */
export const expertiseLabels: Record<Expertise, LocalizedText> = {
  technical: { zh: "技术", en: "technical" },
  management: { zh: "管理", en: "management" },
  policy: { zh: "科技政策", en: "S&T policy" },
  legal: { zh: "法律", en: "legal" },
  finance: { zh: "财务", en: "finance" },
  economic: { zh: "经济", en: "economic" },
};
