import {
  directoryFacets,
  findPublicPlatform,
  listApprovedPlatforms,
  listPlatformEvents,
  searchPlatformDirectory,
} from "@kechuang/db";
import {
  type DirectoryFacets,
  type DirectoryPage,
  directoryQuerySchema,
  platformKindSchema,
  policyIdSchema,
} from "@kechuang/domain";
import { z } from "zod";
import { loadPublicProfileSource } from "../after-approval/public-profile-source";
import {
  type ApprovedPlatform,
  type PublicPlatform,
  toApprovedPlatform,
  toPublicPlatform,
} from "../after-approval/public-trace";
import { toDirectoryFacets, toDirectoryItem } from "../directory";
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
  /**
   * The public directory (issue 12): substring search over name, lead unit, fields and summary, the
   * filters and one page; approved, cultivation-pool and revoked platforms alike, each marked.
   */
  directory: publicProcedure
    .input(directoryQuerySchema)
    .query(async ({ ctx, input }): Promise<DirectoryPage> => {
      const { rows, total } = await searchPlatformDirectory(ctx.database.db, input);
      return { items: rows.map(toDirectoryItem), total, page: input.page, pageSize: input.pageSize };
    }),

  /** The directory's filter options present in the data, with counts. */
  facets: publicProcedure.query(
    async ({ ctx }): Promise<DirectoryFacets> => toDirectoryFacets(await directoryFacets(ctx.database.db)),
  ),

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
      const events = await listPlatformEvents(ctx.database.db, row.id);
      // Governance and a zone's indicators: shaped through public-governance.ts' allow-list only.
      return toPublicPlatform(row, events, await loadPublicProfileSource(ctx.database.db, row.id, ctx.now()));
    }),
});
