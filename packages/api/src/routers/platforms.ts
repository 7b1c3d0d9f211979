import { listApprovedPlatforms } from "@kechuang/db";
import { type LocalizedText, platformKindSchema, policyIdSchema } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const listApprovedInputSchema = z
  .object({ policyId: policyIdSchema.optional(), kind: platformKindSchema.optional() })
  .optional();

export interface ApprovedPlatform {
  id: string;
  name: string;
  kind: z.infer<typeof platformKindSchema>;
  policyId: string;
  jurisdiction: { code: string; name: LocalizedText };
  leadUnitName: string;
  approvedOn: string;
  fields: string[];
}

export const platformsRouter = router({
  /** The public register of approved centers and zones. */
  listApproved: publicProcedure
    .input(listApprovedInputSchema)
    .query(async ({ ctx, input }): Promise<ApprovedPlatform[]> => {
      const rows = await listApprovedPlatforms(ctx.database.db, input ?? {});
      return rows.map((row) => {
        // Names come from the policy module (the source of truth); a code without a module shows as itself.
        const name = registry.get(row.policyId)?.jurisdiction.name ?? {
          zh: row.jurisdiction,
          en: row.jurisdiction,
        };
        return {
          ...row,
          kind: platformKindSchema.parse(row.kind),
          jurisdiction: { code: row.jurisdiction, name },
        };
      });
    }),
});
