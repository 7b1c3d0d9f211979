import { type Executor, membershipsOn, schema, stateOfRows } from "@kechuang/db";
import { and, desc, eq } from "drizzle-orm";
import { chinaToday } from "../workflow/records";
import type { PublicProfileSource } from "./public-trace";

/**
 * What a platform's public governance and zone profile are built from: its governance records open on `now`'s
 * day (none: no governance shown), the facts of the APPROVED application it came from (a zone's tasks) and its
 * accepted annual reports. The shaping (and its allow-list) is public-governance.ts'.
 */
export async function loadPublicProfileSource(
  db: Executor,
  platformId: string,
  now: Date = new Date(),
): Promise<PublicProfileSource> {
  const { applications: a, platforms: p, annualReports: r } = schema;
  const [application] = await db
    .select({ facts: a.facts })
    .from(p)
    .innerJoin(a, eq(a.id, p.applicationId))
    .where(and(eq(p.id, platformId), eq(a.stage, "approved")));
  const acceptedReports = await db
    .select({ yearCovered: r.yearCovered, content: r.content })
    .from(r)
    .where(and(eq(r.platformId, platformId), eq(r.status, "accepted")))
    .orderBy(desc(r.yearCovered));
  const seats = await membershipsOn(db, platformId, chinaToday(now));
  return {
    governance: seats.length > 0 ? stateOfRows(seats) : null,
    facts: application?.facts ?? null,
    acceptedReports,
  };
}
