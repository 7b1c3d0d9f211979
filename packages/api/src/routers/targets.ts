import { router } from "../trpc";

/** Issue 11: filled in by its slice. */
export const targetsRouter = router({});
