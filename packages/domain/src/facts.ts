import { z } from "zod";
import { cnySchema } from "./common";

/**
 * One set of facts about a prospective center or zone, checked against every policy module.
 * Everything but `kind` is optional: a rule whose facts are absent answers `needs-information`.
 */
export const platformKindSchema = z.enum([
  "tech-innovation-center",
  "transfer-demonstration-zone",
  "city-platform",
]);
export type PlatformKind = z.infer<typeof platformKindSchema>;

export const formationModeSchema = z.enum(["leading-enterprise", "enterprise-alliance", "academia-led"]);
export type FormationMode = z.infer<typeof formationModeSchema>;

export const organizationTypeSchema = z.enum([
  "enterprise",
  "university",
  "research-institute",
  "new-rd-institution",
  "government",
]);
export type OrganizationType = z.infer<typeof organizationTypeSchema>;

export const expertiseSchema = z.enum(["technical", "management", "policy", "legal", "finance", "economic"]);
export type Expertise = z.infer<typeof expertiseSchema>;

/** Where a committee or board member comes from, relative to the applying center. */
export const affiliationSchema = z.enum(["lead-unit", "co-build-unit", "external"]);
export type Affiliation = z.infer<typeof affiliationSchema>;

export const memberFactsSchema = z.object({
  name: z.string().min(1).max(100),
  affiliation: affiliationSchema,
  organization: z.string().max(200).optional(),
  expertise: expertiseSchema.optional(),
  /** The center's director sits on Inner Mongolia's committee (nm-tic.committee-makeup). */
  isDirector: z.boolean().optional(),
});
export type MemberFacts = z.infer<typeof memberFactsSchema>;

export const leadUnitFactsSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  type: organizationTypeSchema.optional(),
  industryLeader: z.boolean().optional(),
  /** R&D expenditure of each of the last three years, oldest first, CNY. */
  rdExpenditureLast3Years: z.array(cnySchema).length(3).optional(),
  annualIncome: cnySchema.optional(),
  technicalServiceIncome: cnySchema.optional(),
  transferCasesInField: z.number().int().nonnegative().optional(),
  provincialPlatformSupport: z.boolean().optional(),
});

export const centerFactsSchema = z.object({
  kind: platformKindSchema,
  category: z.enum(["comprehensive", "domain"]).optional(),
  formationMode: formationModeSchema.optional(),
  fields: z.array(z.string().min(1).max(50)).max(30).optional(),
  leadUnit: leadUnitFactsSchema.optional(),
  coBuildUnits: z
    .array(z.object({ name: z.string().min(1).max(200), type: organizationTypeSchema }))
    .max(100)
    .optional(),
  legalEntity: z
    .object({ independent: z.boolean().optional(), registeredCapital: cnySchema.optional() })
    .optional(),
  hasCharter: z.boolean().optional(),
  board: z.object({ members: z.array(memberFactsSchema).max(200) }).optional(),
  committee: z
    .object({
      kind: z.enum(["expert-committee", "tech-guidance-committee"]),
      members: z.array(memberFactsSchema).max(200),
      chair: memberFactsSchema.optional(),
    })
    .optional(),
  director: z
    .object({
      monthsPerYearAtCenter: z.number().int().min(0).max(12).optional(),
      fullTime: z.boolean().optional(),
    })
    .optional(),
  fiscalSupport: cnySchema.optional(),
  matchingRdFunds: cnySchema.optional(),
  /** Demonstration zones (sc-zone-2018). */
  zone: z
    .object({
      applicantIsCityBureau: z.boolean().optional(),
      siteType: z.enum(["park", "high-tech-base", "university-science-park"]).optional(),
      demonstrationTasks: z.array(z.string().min(1).max(50)).max(8).optional(),
      indicatorCount: z.number().int().nonnegative().optional(),
    })
    .optional(),
});
export type CenterFacts = z.infer<typeof centerFactsSchema>;
