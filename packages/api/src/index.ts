export { type InstallerOutcome, setAdministratorDisabledByInstaller } from "./admin/administrators";
export { type ProvisionOutcome, provisionAdministrator } from "./admin/provision";
export { REMINDER_DAYS_BEFORE, sendObligationReminders } from "./after-approval/reminders";
export { stripUnsafeNameCharacters } from "./attachments/sniff";
export { validateSessionToken } from "./auth/session";
export { sessionCookie } from "./auth/tokens";
export { messages } from "./errors";
export { type ExportColumn, mimeOf, toCsv, toXlsx } from "./exports/format";
export { type ProcedurePath, permissions } from "./permissions";
export { auditRefusal, type RefusalKind } from "./refusal-audit";
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from "./root";
export { type ApprovedPlatform, listApprovedInputSchema } from "./routers/platforms";
export {
  checkInputSchema,
  type PolicyDetail,
  policyRefSchema,
  scheduleQueryInputSchema,
} from "./routers/policies";
export { type Context, type CreateContextOptions, createContext, type SessionCookieJar } from "./trpc";
