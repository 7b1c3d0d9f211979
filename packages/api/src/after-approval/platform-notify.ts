import { schema, type Tx } from "@kechuang/db";
import type { Citation, PolicyModule } from "@kechuang/domain";
import { and, eq } from "drizzle-orm";
import type { PlatformRow } from "./scope";

/** The clause a rule id stands for in a module (refusals and views quote it). */
export const citationOf = (module: PolicyModule, ruleId: string | null | undefined): Citation | null =>
  (ruleId && module.rules.find((r) => r.id === ruleId)?.citation) || null;

/**
 * In the change's transaction: the platform's own organization (its applicant accounts), the recommending body
 * it came through, or its authority learns what happened. `detail` carries what the portal renders beyond the
 * kind (a grade, a due date).
 */
export async function notifyPlatform(
  tx: Tx,
  platform: PlatformRow,
  to: "platform" | "recommender" | "authority",
  kind: string,
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const { users } = schema;
  if (to === "recommender" && !platform.recommenderArea) return;
  const who =
    to === "platform"
      ? and(eq(users.role, "applicant"), eq(users.organizationId, platform.leadOrgId))
      : to === "recommender"
        ? and(eq(users.role, "recommender"), eq(users.areaCode, platform.recommenderArea!))
        : and(eq(users.role, "authority"), eq(users.areaCode, platform.jurisdiction));
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(who, eq(users.disabled, false)));
  if (rows.length === 0) return;
  await tx.insert(schema.notifications).values(
    rows.map((r) => ({
      userId: r.id,
      platformId: platform.id,
      kind,
      detail: { platformName: platform.name, ...detail },
      createdAt: now,
    })),
  );
}
