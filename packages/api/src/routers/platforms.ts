import { findPublicPlatform, listApprovedPlatforms, listPlatformEvents } from "@kechuang/db";
import { platformKindSchema, policyIdSchema } from "@kechuang/domain";
import { z } from "zod";
import {
  type ApprovedPlatform,
  type PublicPlatform,
  toApprovedPlatform,
  toPublicPlatform,
} from "../after-approval/public-trace";
import { appError } from "../errors";
import { publicProcedure, router } from "../trpc";

export type { ApprovedPlatform, PublicPlatform } from "../after-approval/public-trace";

export const listApprovedInputSchema = z
  .object({ policyId: policyIdSchema.optional(), kind: platformKindSchema.optional() })
  .optional();

/** Any text is accepted: a malformed id is just an id no platform has (NOT_FOUND, not a 400). */
export const getPlatformInputSchema = z.object({ platformId: z.string().min(1).max(100) });

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const platformNotFound = { zh: "未找到该平台", en: "No such platform" };

export const platformsRouter = router({
  /** The public register of approved centers and zones; revoked ones stay listed, marked with the clause. */
  listApproved: publicProcedure
    .input(listApprovedInputSchema)
    .query(async ({ ctx, input }): Promise<ApprovedPlatform[]> => {
      const rows = await listApprovedPlatforms(ctx.database.db, input ?? {});
      return rows.map(toApprovedPlatform);
    }),

  /** One platform's public page: the register entry, its revocation if any, and its public events. */
  get: publicProcedure
    .input(getPlatformInputSchema)
    .query(async ({ ctx, input }): Promise<PublicPlatform> => {
      // A malformed id would make PostgreSQL throw on the uuid cast: it names no platform either.
      const row = uuidShape.test(input.platformId)
        ? await findPublicPlatform(ctx.database.db, input.platformId)
        : null;
      if (!row) throw appError("NOT_FOUND", platformNotFound);
      return toPublicPlatform(row, await listPlatformEvents(ctx.database.db, row.id));
    }),
});
