import type { LocalizedText } from "@kechuang/domain";
import { TRPCError } from "@trpc/server";

type ErrorCode = ConstructorParameters<typeof TRPCError>[0]["code"];

/** Carries the bilingual text (and flags such as `needsTotp`) to the error formatter. */
export class LocalizedCause extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly extra: { needsTotp?: boolean } = {},
  ) {
    super(text.en);
    this.name = "LocalizedCause";
  }
}

/** A typed tRPC error with a user-readable message in both locales; zh-CN is the default message. */
export function appError(code: ErrorCode, text: LocalizedText, extra?: { needsTotp?: boolean }): TRPCError {
  return new TRPCError({ code, message: text.zh, cause: new LocalizedCause(text, extra) });
}

export const messages = {
  wrongCredentials: { zh: "用户名或密码错误", en: "Wrong username or password" },
  signInRequired: { zh: "请先登录", en: "Please sign in" },
  forbidden: { zh: "无权执行此操作", en: "You are not allowed to do this" },
  passwordChangeRequired: {
    zh: "请先修改初始密码，再继续使用系统",
    en: "Change your initial password before you go on",
  },
  invalidInput: { zh: "输入不符合要求", en: "The input is not valid" },
  unknownPolicy: (id: string) => ({ zh: `未找到政策：${id}`, en: `No such policy: ${id}` }),
  internal: (ref: string) => ({
    zh: `服务器内部错误（参考编号 ${ref}）`,
    en: `Internal server error (reference ${ref})`,
  }),
} satisfies Record<string, LocalizedText | ((...args: string[]) => LocalizedText)>;
