import type { SameKeys } from "@kechuang/ui";

/** A zone's replicable experiences (sc-zone 五(五)): mounted as `experiences.*` in the applicant catalog. */
export const experiencesZhCN = {
  title: "可复制推广的经验做法",
  rule: "依据",
  add: "新增经验做法",
  empty: "还没有经验做法。点击“新增经验做法”撰写一项，保存后可提交省科技厅审核发布。",
  status: {
    draft: "草稿",
    submitted: "已提交，待审核",
    returned: "退回修改",
    published: "已发布",
  },
  promoted: "省科技厅推广",
  returnReason: "退回原因：{{reason}}",
  updatedAt: "更新于 {{date}}",
  publishedAt: "发布于 {{date}}",
  edit: "编辑",
  submit: "提交审核",
  submitted: "已提交，省科技厅审核后发布",
  saved: "已保存",
  cancel: "取消",
  save: "保存",
  editorNew: "新增经验做法",
  editorEdit: "编辑经验做法",
  fieldTitle: "标题",
  fieldBody: "内容",
  required: "请填写此项",
} as const;

export const experiencesEn: SameKeys<typeof experiencesZhCN> = {
  title: "Replicable experiences",
  rule: "Basis",
  add: "Add an experience",
  empty:
    "No experiences yet. Click “Add an experience” to write one; once saved, submit it for the provincial department to review and publish.",
  status: {
    draft: "Draft",
    submitted: "Submitted, awaiting review",
    returned: "Returned for revision",
    published: "Published",
  },
  promoted: "Promoted by the department",
  returnReason: "Returned: {{reason}}",
  updatedAt: "Updated {{date}}",
  publishedAt: "Published {{date}}",
  edit: "Edit",
  submit: "Submit for review",
  submitted: "Submitted; the department publishes it after review",
  saved: "Saved",
  cancel: "Cancel",
  save: "Save",
  editorNew: "New experience",
  editorEdit: "Edit experience",
  fieldTitle: "Title",
  fieldBody: "Content",
  required: "Please fill this in",
};
