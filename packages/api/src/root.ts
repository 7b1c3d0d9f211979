import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin-accounts";
import { annualReportsRouter } from "./routers/annual-reports";
import { applicationsRouter } from "./routers/applications";
import { attachmentsRouter } from "./routers/attachments";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { changesRouter } from "./routers/changes";
import { evaluationsRouter } from "./routers/evaluations";
import { experiencesRouter } from "./routers/experiences";
import { exportsRouter } from "./routers/exports";
import { governanceRouter } from "./routers/governance";
import { notificationsRouter } from "./routers/notifications";
import { platformCalendarRouter } from "./routers/platform-calendar";
import { platformsRouter } from "./routers/platforms";
import { policiesRouter } from "./routers/policies";
import { publicStatsRouter } from "./routers/public-stats";
import { publicityRouter } from "./routers/publicity";
import { reviewRouter } from "./routers/review";
import { securityRouter } from "./routers/security";
import { targetsRouter } from "./routers/targets";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  applications: applicationsRouter,
  review: reviewRouter,
  publicity: publicityRouter,
  notifications: notificationsRouter,
  attachments: attachmentsRouter,
  platforms: platformsRouter,
  policies: policiesRouter,
  publicStats: publicStatsRouter,
  account: accountRouter,
  admin: adminRouter,
  security: securityRouter,
  audit: auditRouter,
  exports: exportsRouter,
  evaluations: evaluationsRouter,
  annualReports: annualReportsRouter,
  platformCalendar: platformCalendarRouter,
  governance: governanceRouter,
  changes: changesRouter,
  experiences: experiencesRouter,
  targets: targetsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side calls (the REST facade) go through the same permission checks as HTTP calls. */
export const createCaller = createCallerFactory(appRouter);
