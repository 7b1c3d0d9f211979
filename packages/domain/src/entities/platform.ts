import { z } from "zod";
import { cnySchema, isoDateSchema, uuidSchema } from "../common";
import { creditCodeSchema } from "../credit-code";
import { formationModeSchema } from "../facts";
import { policyIdSchema } from "../policy/contract";
import { divisionCodeSchema, shortTextSchema } from "./shared";

/**
 * A platform is what an approved application becomes (DESIGN.md "Life of an application"): an
 * innovation center, a demonstration zone, or one of a city's counted platforms (Anshun).
 */

export const platformTierSchema = z.enum(["national", "provincial", "city"]);
export type PlatformTier = z.infer<typeof platformTierSchema>;

/** active → (rectifying → active) … → delisted. Anshun's pooled platforms are `cultivating`. */
export const platformStatusSchema = z.enum(["active", "rectifying", "delisted", "cultivating"]);
export type PlatformStatus = z.infer<typeof platformStatusSchema>;

const platformBase = z.object({
  id: uuidSchema,
  policyId: policyIdSchema,
  name: shortTextSchema,
  /** The name the decision confers, e.g. 内蒙古自治区{name}技术创新中心 (nm-tic.naming). */
  designatedName: shortTextSchema.optional(),
  tier: platformTierSchema,
  status: platformStatusSchema,
  approvedOn: isoDateSchema.nullable(),
  /** The application that created it; seeded platforms (e.g. the national core zone) have none. */
  applicationId: uuidSchema.nullable(),
  divisionCode: divisionCodeSchema,
});

/** A branch center (分中心) or R&D institution under a headquarters (nm-tic.structure, hn-tic.categories). */
export const branchSchema = z.object({
  name: shortTextSchema,
  organizationId: uuidSchema.nullable(),
  divisionCode: divisionCodeSchema.optional(),
  kind: z.enum(["branch-center", "rd-institution"]),
});
export type Branch = z.infer<typeof branchSchema>;

export const innovationCenterSchema = platformBase.extend({
  kind: z.literal("tech-innovation-center"),
  category: z.enum(["comprehensive", "domain"]).optional(),
  formationMode: formationModeSchema,
  fields: z.array(z.string().trim().min(1).max(50)).min(1).max(30),
  leadUnitId: uuidSchema,
  coBuildUnitIds: z.array(uuidSchema).max(100),
  legalEntity: z.object({
    independent: z.boolean(),
    creditCode: creditCodeSchema.optional(),
    registeredCapital: cnySchema.optional(),
  }),
  branches: z.array(branchSchema).max(100).default([]),
});
export type InnovationCenter = z.infer<typeof innovationCenterSchema>;

/** One indicator of a zone's own indicator system (sc-zone.indicators), with yearly targets. */
export const zoneIndicatorSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: shortTextSchema,
  unit: z.string().trim().min(1).max(20),
  baseline: z.number().finite(),
  targets: z.array(z.object({ year: z.number().int(), value: z.number().finite() })).max(10),
});
export type ZoneIndicator = z.infer<typeof zoneIndicatorSchema>;

export const demonstrationZoneSchema = platformBase.extend({
  kind: z.literal("transfer-demonstration-zone"),
  /** The city/prefecture (市州) whose S&T bureau applies and runs the zone (sc-zone.subject). */
  cityCode: divisionCodeSchema,
  bureauOrganizationId: uuidSchema,
  siteType: z.enum(["park", "high-tech-base", "university-science-park"]),
  siteName: shortTextSchema,
  /** Task ids from the module's list (sc-zone.tasks); the module owns the vocabulary. */
  demonstrationTasks: z
    .array(z.string().min(1).max(50))
    .min(1)
    .max(8)
    .refine((ids) => new Set(ids).size === ids.length, "each demonstration task once"),
  indicators: z.array(zoneIndicatorSchema).max(100),
});
export type DemonstrationZone = z.infer<typeof demonstrationZoneSchema>;

/** Platform types a city counts (as-plat.targets) or cultivates (as-plat.pool). */
export const cityPlatformTypeSchema = z.enum([
  "academician-workstation",
  "engineering-technology-research-center",
  "enterprise-technology-center",
  "industrial-design-center",
  "engineering-research-center",
  "key-laboratory",
  "new-rd-institution",
  "postdoctoral-workstation",
]);
export type CityPlatformType = z.infer<typeof cityPlatformTypeSchema>;

export const cultivationMembershipSchema = z.object({
  enteredOn: isoDateSchema,
  /** The recognition the pool guides it toward. */
  targetTier: z.enum(["national", "provincial"]),
  leftOn: isoDateSchema.nullable(),
  outcome: z.enum(["recognized", "withdrawn"]).nullable(),
});
export type CultivationMembership = z.infer<typeof cultivationMembershipSchema>;

export const cityPlatformSchema = platformBase.extend({
  kind: z.literal("city-platform"),
  platformType: cityPlatformTypeSchema,
  hostOrganizationId: uuidSchema,
  /** The department answerable for the type's target (as-plat.targets), e.g. 市科技局. */
  responsibleDepartment: shortTextSchema,
  cultivation: cultivationMembershipSchema.nullable(),
  /** "One leading talent + one talent team" (as-plat.talent). */
  leadingTalents: z.number().int().nonnegative().default(0),
  talentTeams: z.number().int().nonnegative().default(0),
});
export type CityPlatform = z.infer<typeof cityPlatformSchema>;

export const platformSchema = z.discriminatedUnion("kind", [
  innovationCenterSchema,
  demonstrationZoneSchema,
  cityPlatformSchema,
]);
export type Platform = z.infer<typeof platformSchema>;
