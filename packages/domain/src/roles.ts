import { z } from "zod";

/** Every role a signed-in account can hold. Administrators are split three ways (三员分立). */
export const roleSchema = z.enum([
  "applicant",
  "recommender",
  "expert",
  "authority",
  "system-admin",
  "security-admin",
  "audit-admin",
]);
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;

/** An actor is a role or nobody signed in. Permission tables are keyed by actor. */
export type Actor = Role | "anonymous";
export const actors: readonly Actor[] = ["anonymous", ...roles];

export const adminRoles = [
  "system-admin",
  "security-admin",
  "audit-admin",
] as const satisfies readonly Role[];
export const adminRoleSchema = z.enum(adminRoles);
export type AdminRole = z.infer<typeof adminRoleSchema>;
export const isAdminRole = (role: Role): boolean => (adminRoles as readonly Role[]).includes(role);

/** Roles that must present a second factor (TOTP) at sign-in. */
export const secondFactorRoles: readonly Role[] = ["authority", ...adminRoles];

/** Which portal a role works in after sign-in. */
export const portalOfRole = (role: Role): "apply" | "review" => (role === "applicant" ? "apply" : "review");

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  applicant: { zh: "申报单位", en: "Applicant" },
  recommender: { zh: "推荐单位", en: "Recommender" },
  expert: { zh: "评审专家", en: "Expert" },
  authority: { zh: "科技厅", en: "Provincial authority" },
  "system-admin": { zh: "系统管理员", en: "System administrator" },
  "security-admin": { zh: "安全管理员", en: "Security administrator" },
  "audit-admin": { zh: "审计管理员", en: "Audit administrator" },
};
