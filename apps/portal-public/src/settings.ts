import { localizedTextSchema, type PolicySetting } from "@kechuang/domain";
import { z } from "zod";

/**
 * A module's local settings (values its source does not give, e.g. the publicity period's length).
 * `policies.get` does not return them yet; when it does, the library shows them, labelled as local
 * settings and not clauses. Until then this reads as "none", so nothing is invented.
 */
const policySettingSchema = z.object({
  key: z.string().min(1),
  label: localizedTextSchema,
  value: z.union([z.string(), z.number()]),
  relatesTo: z.string(),
}) satisfies z.ZodType<PolicySetting>;

export function settingsOf(detail: unknown): PolicySetting[] {
  if (typeof detail !== "object" || detail === null || !("settings" in detail)) return [];
  const parsed = z.array(policySettingSchema).safeParse(detail.settings);
  return parsed.success ? parsed.data : [];
}
