import { registry } from "@kechuang/policies";
import { and, eq, lt } from "drizzle-orm";
import type { Tx } from "./client";
import { storeObligations } from "./repositories/obligations";
import { annualReports, platformEvents, platformObligations } from "./schema";

/**
 * Demo life after approval for the seeded platforms: the stored calendar, the public "approved" event, and
 * accepted reports for every year whose due date is more than a year ago — so at the demo's date each
 * platform still owes its most recent report (due or overdue), which is what the calendar is for.
 */
export async function seedPlatformLife(
  tx: Tx,
  seeded: readonly { id: string; policyId: string; approvedOn: string }[],
  now: Date,
): Promise<void> {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  for (const p of seeded) {
    await storeObligations(tx, { platformId: p.id, policyId: p.policyId, approvedOn: p.approvedOn });
    const module = registry.get(p.policyId);
    await tx.insert(platformEvents).values({
      platformId: p.id,
      kind: "approved",
      occurredOn: p.approvedOn,
      ruleId: module?.naming?.ruleId ?? null,
    });
    const sections = module?.annualReport?.sections ?? [];
    const past = await tx
      .select()
      .from(platformObligations)
      .where(
        and(
          eq(platformObligations.platformId, p.id),
          eq(platformObligations.kind, "annual-report"),
          eq(platformObligations.exempt, false),
          lt(platformObligations.dueOn, yearAgo),
        ),
      );
    for (const o of past) {
      const submittedAt = new Date(`${o.dueOn}T02:00:00Z`);
      await tx.insert(annualReports).values({
        platformId: p.id,
        yearCovered: o.yearCovered!,
        dueOn: o.dueOn,
        status: "accepted",
        content: {
          sections: Object.fromEntries(
            sections.map((s) => [s.id, `${o.yearCovered}年度${s.title.zh}（示例）`]),
          ),
          ...(module?.annualReport?.indicators ? { indicators: [] } : {}),
        },
        submittedAt,
        decidedAt: submittedAt,
      });
      await tx.insert(platformEvents).values([
        {
          platformId: p.id,
          kind: "report-filed",
          occurredOn: o.dueOn!,
          detail: { yearCovered: o.yearCovered },
        },
        {
          platformId: p.id,
          kind: "report-accepted",
          occurredOn: o.dueOn!,
          detail: { yearCovered: o.yearCovered },
          ruleId: o.ruleId,
        },
      ]);
    }
  }
}
