import { z } from "zod";
import { localizedTextSchema } from "../common";
import { divisionCodeSchema } from "./shared";

/**
 * A place that issues policies (a province, an autonomous region, a city) or recommends applications
 * (a prefecture-level city, a league 盟). The contract's `Jurisdiction` is the issuing subset.
 */
export const jurisdictionLevelSchema = z.enum([
  "province",
  "autonomous-region",
  "city",
  "prefecture",
  "league",
]);
export type JurisdictionLevel = z.infer<typeof jurisdictionLevelSchema>;

export const jurisdictionSchema = z.object({
  code: divisionCodeSchema,
  name: localizedTextSchema,
  level: jurisdictionLevelSchema,
  parentCode: divisionCodeSchema.nullable().default(null),
});
export type JurisdictionRecord = z.infer<typeof jurisdictionSchema>;
