import { allBeyondDraft, type QueueRow, submittedInArea } from "@kechuang/db";
import { roleProcedure, router } from "../trpc";

export const reviewRouter = router({
  /** What waits for me: recommenders see their area's submissions; the authority everything sent in. */
  queue: roleProcedure("recommender", "expert", "authority").query(async ({ ctx }): Promise<QueueRow[]> => {
    switch (ctx.user.role) {
      case "recommender":
        return ctx.user.areaCode ? submittedInArea(ctx.database.db, ctx.user.areaCode) : [];
      case "authority":
        return allBeyondDraft(ctx.database.db);
      default:
        // Experts see assigned items only; expert assignments arrive with the consultation issue.
        return [];
    }
  }),
});
