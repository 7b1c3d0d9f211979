import { type Executor, schema } from "@kechuang/db";
import { and, desc, eq } from "drizzle-orm";
import type { PublicProfileSource } from "./public-trace";

/**
 * What a platform's public governance and zone profile are built from: the facts of the APPROVED application
 * it came from (none for records loaded from elsewhere) and its accepted annual reports. Only these two
 * reads; the shaping (and its allow-list) is public-governance.ts'.
 */
export async function loadPublicProfileSource(
  db: Executor,
  platformId: string,
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
  return { facts: application?.facts ?? null, acceptedReports };
}
