import { z } from "zod";
import { formationModeSchema, platformKindSchema } from "./facts";

/**
 * The public directory of platforms (issue 12): one query shape for the portal, the REST API
 * (`GET /api/v1/platforms`), the downloads and the benchmarks. Numbers are coerced so that a URL's
 * query string validates with the same schema as a tRPC call.
 */

/** What the public sees of a platform's standing: `approved` covers active and rectifying platforms. */
export const directoryStatusSchema = z.enum(["approved", "cultivating", "revoked"]);
export type DirectoryStatus = z.infer<typeof directoryStatusSchema>;

export const directorySortSchema = z.enum(["approved-desc", "approved-asc", "name"]);
export type DirectorySort = z.infer<typeof directorySortSchema>;

export const DIRECTORY_MAX_PAGE_SIZE = 100;

export const directoryQuerySchema = z.object({
  /** Free text over name, lead unit, fields and summary: a substring match, case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** Administrative division code of the jurisdiction (e.g. "430000"). */
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  kind: platformKindSchema.optional(),
  category: z.enum(["comprehensive", "domain"]).optional(),
  field: z.string().trim().min(1).max(50).optional(),
  formationMode: formationModeSchema.optional(),
  status: directoryStatusSchema.optional(),
  /** Calendar year of approval (or of pool entry). */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  sort: directorySortSchema.default("approved-desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(DIRECTORY_MAX_PAGE_SIZE).default(20),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;
export type DirectoryQueryInput = z.input<typeof directoryQuerySchema>;

const localizedTextSchema = z.object({ zh: z.string(), en: z.string() });

/** One row of the directory: public facts only (no contact data, nothing written in confidence). */
export const directoryItemSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: platformKindSchema,
  policyId: z.string(),
  jurisdiction: z.object({ code: z.string(), name: localizedTextSchema }),
  leadUnitName: z.string(),
  category: z.enum(["comprehensive", "domain"]).nullable(),
  formationMode: formationModeSchema.nullable(),
  fields: z.array(z.string()),
  summary: z.string().nullable(),
  /** Day of approval, or of entry into a cultivation pool. */
  approvedOn: z.string(),
  status: directoryStatusSchema,
  /** Set when `status` is `revoked`. */
  revokedOn: z.string().nullable(),
});
export type DirectoryItem = z.infer<typeof directoryItemSchema>;

export const directoryPageSchema = z.object({
  items: z.array(directoryItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type DirectoryPage = z.infer<typeof directoryPageSchema>;

const facetCount = z.number().int().nonnegative();

/**
 * The filter options present in the data, with how many platforms each selects (over the whole directory,
 * not the current query): what the directory's filter controls offer.
 */
export const directoryFacetsSchema = z.object({
  jurisdictions: z.array(z.object({ code: z.string(), name: localizedTextSchema, count: facetCount })),
  kinds: z.array(z.object({ value: platformKindSchema, count: facetCount })),
  categories: z.array(z.object({ value: z.enum(["comprehensive", "domain"]), count: facetCount })),
  formationModes: z.array(z.object({ value: formationModeSchema, count: facetCount })),
  /** Most frequent first. */
  fields: z.array(z.object({ value: z.string(), count: facetCount })),
  /** Newest first. */
  years: z.array(z.object({ value: z.number().int(), count: facetCount })),
  statuses: z.array(z.object({ value: directoryStatusSchema, count: facetCount })),
});
export type DirectoryFacets = z.infer<typeof directoryFacetsSchema>;
