import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { affiliationSchema, expertiseSchema } from "../facts";
import { shortTextSchema } from "./shared";

/**
 * The bodies that run a platform (sc-tic.governance, nm-tic.bodies, hn-tic.bodies) and Anshun's joint
 * meeting (as-plat.joint-meeting). Membership keeps each member's affiliation because the rules count
 * it (nm-tic.committee-outsiders, nm-tic.committee-chair) and conflict checks use it.
 */

export const governanceBodyKindSchema = z.enum([
  "board",
  "expert-committee",
  "tech-guidance-committee",
  "joint-meeting",
]);
export type GovernanceBodyKind = z.infer<typeof governanceBodyKindSchema>;

export const bodyMemberSchema = z.object({
  personId: uuidSchema.nullable(),
  name: z.string().trim().min(1).max(100),
  organization: shortTextSchema.optional(),
  /** Relative to the platform; a joint meeting's government members are `external`. */
  affiliation: affiliationSchema,
  position: z.enum(["chair", "vice-chair", "member", "convener", "deputy-convener"]),
  expertise: expertiseSchema.optional(),
  /** Joint meeting: the department or institution the member speaks for. */
  department: shortTextSchema.optional(),
  since: isoDateSchema,
});
export type BodyMember = z.infer<typeof bodyMemberSchema>;

export const governanceBodySchema = z
  .object({
    id: uuidSchema,
    /** The platform it governs; a city's joint meeting governs no single platform. */
    platformId: uuidSchema.nullable(),
    kind: governanceBodyKindSchema,
    name: shortTextSchema,
    members: z.array(bodyMemberSchema).max(200),
  })
  .refine((b) => b.members.filter((m) => m.position === "chair" || m.position === "convener").length <= 1, {
    message: "一个机构至多一名主任/召集人 / A body has at most one chair or convener",
    path: ["members"],
  });
export type GovernanceBody = z.infer<typeof governanceBodySchema>;

/** The center's director (中心主任/总经理): answers to the board, time at the center is a rule. */
export const directorSchema = z.object({
  platformId: uuidSchema,
  personId: uuidSchema.nullable(),
  name: z.string().trim().min(1).max(100),
  appointedOn: isoDateSchema,
  fullTime: z.boolean(),
  monthsPerYearAtCenter: z.number().int().min(0).max(12),
  /** nm-tic.director-filing: the appointment is filed with the recommender and 科技厅. */
  filedWithRecommenderOn: isoDateSchema.nullable(),
  filedWithAuthorityOn: isoDateSchema.nullable(),
});
export type Director = z.infer<typeof directorSchema>;
