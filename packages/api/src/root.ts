import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { applicationsRouter } from "./routers/applications";
import { authRouter } from "./routers/auth";
import { platformsRouter } from "./routers/platforms";
import { policiesRouter } from "./routers/policies";
import { reviewRouter } from "./routers/review";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  applications: applicationsRouter,
  review: reviewRouter,
  platforms: platformsRouter,
  policies: policiesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side calls (the REST facade) go through the same permission checks as HTTP calls. */
export const createCaller = createCallerFactory(appRouter);
