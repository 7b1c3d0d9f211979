import { listApplicationsOfOrganization } from "@kechuang/db";
import { roleProcedure, router } from "../trpc";

export const applicationsRouter = router({
  /** Record scope: only the caller's own organization's applications. */
  listMine: roleProcedure("applicant").query(async ({ ctx }) => {
    if (!ctx.user.organizationId) return [];
    return listApplicationsOfOrganization(ctx.database.db, ctx.user.organizationId);
  }),
});
