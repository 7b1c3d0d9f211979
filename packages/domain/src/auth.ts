import { z } from "zod";
import { roleSchema } from "./roles";

/** Sign-in input. Limits stop oversized payloads before any hashing work is done. */
export const signInInputSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** Six-digit TOTP code, required for authority and administrator roles. */
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** What the client learns about the signed-in user. Never a password hash or session id. */
export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  /** Recommenders: the area (city/prefecture/league or department) they endorse for. */
  areaCode: z.string().nullable(),
  /** Signed in with a generated initial password: nothing but changing it is allowed until it is. */
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
