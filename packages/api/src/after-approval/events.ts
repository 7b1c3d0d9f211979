import { schema, type Tx } from "@kechuang/db";

export type PlatformEventKind = (typeof schema.platformEvents.$inferInsert)["kind"];

/**
 * Appends one public fact of a platform's life (issue 10 "public trace"). Called inside the transaction of
 * the change it records, so the public trace never says more or less than what happened. `detail` holds
 * public facts only (a grade id, the ground ids, the year covered), never findings or report content.
 */
export async function recordPlatformEvent(
  tx: Tx,
  event: {
    platformId: string;
    kind: PlatformEventKind;
    occurredOn: string;
    detail?: Record<string, unknown>;
    ruleId?: string | null;
  },
): Promise<void> {
  await tx.insert(schema.platformEvents).values({
    platformId: event.platformId,
    kind: event.kind,
    occurredOn: event.occurredOn,
    detail: event.detail ?? {},
    ruleId: event.ruleId ?? null,
  });
}
