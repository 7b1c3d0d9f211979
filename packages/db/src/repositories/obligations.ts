import { registry } from "@kechuang/policies";
import { eq, notExists, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { platformObligations, platforms } from "../schema";

/**
 * How far ahead a platform's calendar is written at approval, in calendar years. Ten covers the longest
 * designation period in the sources (three-year construction plus evaluation cycles) with room; a platform
 * still active after that gets the next years when the horizon is extended (storeObligations is additive).
 */
export const OBLIGATION_HORIZON_YEARS = 10;

export interface StoreObligationsInput {
  platformId: string;
  policyId: string;
  approvedOn: string;
}

/**
 * Writes the module's schedule for a platform, computed once from its approval date and stored, so that a
 * later version of the module never moves a deadline the platform was given. Call it in the transaction
 * that creates the platform. Returns the number of obligations written (zero where the module asks for
 * nothing, e.g. Anshun).
 */
export async function storeObligations(tx: Executor, input: StoreObligationsInput): Promise<number> {
  const schedule = registry.schedule(input.policyId, {
    approvedOn: input.approvedOn,
    years: OBLIGATION_HORIZON_YEARS,
  });
  if (!schedule.ok) throw new Error(`cannot schedule platform ${input.platformId}: ${schedule.error.en}`);
  const rows = schedule.value.map((o): typeof platformObligations.$inferInsert =>
    o.kind === "annual-report"
      ? {
          platformId: input.platformId,
          kind: "annual-report",
          yearCovered: o.yearCovered,
          dueOn: o.dueOn,
          exempt: o.exempt,
          ruleId: o.ruleId,
          exemptRuleId: o.exemptRuleId ?? null,
          configurable: o.configurable ?? false,
        }
      : {
          platformId: input.platformId,
          kind: "evaluation",
          dueOn: o.earliestOn,
          evaluationKind: o.evaluationKind ?? null,
          // A yearly assessment names the year it assesses (sc-zone 六(三) 每年…考核).
          yearCovered: o.yearCovered ?? null,
          ruleId: o.ruleId,
          configurable: o.configurable ?? false,
        },
  );
  if (rows.length > 0) await tx.insert(platformObligations).values(rows);
  return rows.length;
}

/**
 * Platforms approved before obligations were stored (databases migrated to 0006) get their calendar once,
 * at server start: every platform without a single obligation row whose module schedules anything.
 * Idempotent; returns how many platforms were given a calendar.
 */
export async function backfillObligations(db: Executor): Promise<number> {
  const missing = await db
    .select({ id: platforms.id, policyId: platforms.policyId, approvedOn: platforms.approvedOn })
    .from(platforms)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(platformObligations)
          .where(eq(platformObligations.platformId, platforms.id)),
      ),
    );
  let given = 0;
  for (const p of missing) {
    if (!registry.get(p.policyId)) continue;
    if (
      (await storeObligations(db, { platformId: p.id, policyId: p.policyId, approvedOn: p.approvedOn })) > 0
    )
      given++;
  }
  return given;
}
