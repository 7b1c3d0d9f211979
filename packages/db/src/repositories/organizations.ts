import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organizations } from "../schema";

export async function findOrganizationName(db: Executor, organizationId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.name ?? null;
}
