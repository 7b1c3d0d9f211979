import { schema, type Tx } from "@kechuang/db";
import { and, eq } from "drizzle-orm";

/**
 * The one idempotency mechanism of every decision (applications.submit/transition, review.*, publicity.*).
 * Call it first inside the decision's transaction. The key is claimed with an insert on the
 * (user, scope:key) primary key: a concurrent retry blocks on that key until the first transaction
 * commits, then finds it taken and replays the stored answer — no second record, no second audit row.
 * If the first transaction rolls back, its claim goes with it and a retry acts afresh. Without a key the
 * decision simply runs. Keys are scoped per procedure, so one key reused elsewhere cannot replay the
 * wrong answer.
 */
export async function idempotent<T>(
  tx: Tx,
  claim: { userId: string; scope: string; key: string | undefined },
  act: () => Promise<T>,
): Promise<T> {
  if (!claim.key) return act();
  const key = `${claim.scope}:${claim.key}`;
  const where = and(eq(schema.idempotencyKeys.userId, claim.userId), eq(schema.idempotencyKeys.key, key));
  const claimed = await tx
    .insert(schema.idempotencyKeys)
    .values({ key, userId: claim.userId, result: { pending: true } })
    .onConflictDoNothing()
    .returning({ key: schema.idempotencyKeys.key });
  if (claimed.length === 0) {
    const [stored] = await tx
      .select({ result: schema.idempotencyKeys.result })
      .from(schema.idempotencyKeys)
      .where(where);
    return stored!.result as T;
  }
  const result = await act();
  await tx
    .update(schema.idempotencyKeys)
    .set({ result: result as object })
    .where(where);
  return result;
}
