import { z } from "zod";
import { uuidSchema } from "../common";
import { creditCodeSchema } from "../credit-code";
import { organizationTypeSchema } from "../facts";
import { divisionCodeSchema, shortTextSchema, timestampSchema } from "./shared";

/** An applicant, lead or co-build unit, recommender body or department: identified by its credit code. */
export const organizationSchema = z.object({
  id: uuidSchema,
  name: shortTextSchema,
  creditCode: creditCodeSchema,
  type: organizationTypeSchema,
  /** Where it is registered; recommenders endorse applications from their own area. */
  divisionCode: divisionCodeSchema,
  address: z.string().trim().max(300).optional(),
  legalRepresentative: z.string().trim().max(100).optional(),
  createdAt: timestampSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationInputSchema = organizationSchema.omit({ id: true, createdAt: true });
export type CreateOrganizationInput = z.infer<typeof createOrganizationInputSchema>;
