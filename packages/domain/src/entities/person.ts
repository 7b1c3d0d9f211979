import { z } from "zod";
import { uuidSchema } from "../common";
import { expertiseSchema } from "../facts";
import { shortTextSchema } from "./shared";

/**
 * A person named in the system: experts, directors, committee members, contacts. Only what the
 * workflow needs is kept (no ID card numbers): personal data stays minimal.
 */
export const personSchema = z.object({
  id: uuidSchema,
  name: z.string().trim().min(1).max(100),
  organizationId: uuidSchema.nullable(),
  title: shortTextSchema.optional(),
  /** For experts: the panel seats they can fill (sc-tic.panel, hn-tic.stages). */
  expertise: z.array(expertiseSchema).max(6).default([]),
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[\d\- ]{5,20}$/)
    .optional(),
});
export type Person = z.infer<typeof personSchema>;

export const createPersonInputSchema = personSchema.omit({ id: true });
export type CreatePersonInput = z.infer<typeof createPersonInputSchema>;
