import {
  changeKinds,
  changeKindsInputSchema,
  changeQueue,
  checkChange,
  checkChangeInputSchema,
  decideChange,
  decideChangeInputSchema,
  listChanges,
  submitChange,
  submitChangeInputSchema,
} from "../after-approval/changes";
import { roleProcedure, router } from "../trpc";

/** Change requests after approval (issue 11). Thin: scope, rules and audit live in after-approval/changes.ts. */
export const changesRouter = router({
  /** The module's change kinds for a platform in scope, each with its clause, mode and route. */
  kinds: roleProcedure("applicant", "recommender", "authority")
    .input(changeKindsInputSchema)
    .query(({ ctx, input }) => changeKinds(ctx, input)),
  /** Before / after / violations, written nowhere (a mutation only so a committee fits in the body). */
  check: roleProcedure("applicant")
    .input(checkChangeInputSchema)
    .mutation(({ ctx, input }) => checkChange(ctx, input)),
  submit: roleProcedure("applicant")
    .input(submitChangeInputSchema)
    .mutation(({ ctx, input }) => submitChange(ctx, input)),
  decide: roleProcedure("authority")
    .input(decideChangeInputSchema)
    .mutation(({ ctx, input }) => decideChange(ctx, input)),
  list: roleProcedure("applicant", "recommender", "authority")
    .input(changeKindsInputSchema)
    .query(({ ctx, input }) => listChanges(ctx, input)),
  /** 待批复变更 of the authority's jurisdiction. */
  queue: roleProcedure("authority").query(({ ctx }) => changeQueue(ctx)),
});
