import type { LocalizedText } from "@kechuang/domain";

/** Texts of the administrators' and account procedures (zh-CN first, en). */
export const adminMessages = {
  notYourself: {
    zh: "不能更改自己的角色或停用自己的账号",
    en: "You cannot change your own role or disable your own account",
  },
  adminRoleFixed: {
    zh: "三员分立：管理员角色只在安装时由服务器上的 pnpm admin:create 命令设立，不能在线授予、转换或收回；如需调整，请停用该账号并另行设立",
    en: "Separation of duties: administrator roles are set up only at installation with `pnpm admin:create` on the server, never granted, moved or withdrawn online; disable the account and set up another instead",
  },
  administratorsNotYours: {
    zh: "三员分立：管理员账号只能由安全管理员或服务器上的 pnpm admin:disable / admin:enable 命令停用或启用，系统管理员不能操作",
    en: "Separation of duties: administrator accounts are disabled or enabled only by the security administrator or with `pnpm admin:disable` / `admin:enable` on the server, never by the system administrator",
  },
  onlyAdministrators: {
    zh: "安全管理员只停用或启用管理员账号；其他账号由系统管理员管理",
    en: "The security administrator disables or enables administrator accounts only; other accounts are the system administrator's",
  },
  noSuchAccount: { zh: "账号不存在", en: "No such account" },
  noSuchSession: { zh: "会话不存在或已结束", en: "No such session, or it has already ended" },
  usernameTaken: { zh: "用户名已被使用", en: "The username is already taken" },
  unknownOrganization: { zh: "所属单位不存在", en: "No such organization" },
  organizationRequired: {
    zh: "申报单位账号必须关联所属单位",
    en: "An applicant account needs an organization",
  },
  areaRequired: { zh: "推荐单位账号必须指定所辖地区", en: "A recommender account needs an area code" },
  wrongCurrentPassword: { zh: "当前密码错误", en: "The current password is wrong" },
  weakPassword: {
    zh: "新密码不符合要求：至少 12 位，须含大写字母、小写字母、数字和符号，不得包含用户名，且不能与当前密码相同",
    en: "The new password must have at least 12 characters with upper and lower case letters, digits and symbols, must not contain the username, and must differ from the current one",
  },
} satisfies Record<string, LocalizedText>;
