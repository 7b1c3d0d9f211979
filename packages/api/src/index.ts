export { sessionCookie } from "./auth/tokens";
export { messages } from "./errors";
export { permissions, type ProcedurePath } from "./permissions";
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from "./root";
export { type Context, type CreateContextOptions, createContext, type SessionCookieJar } from "./trpc";
