import { schema, type Tx } from "@kechuang/db";
import type { PolicyModule, Role } from "@kechuang/domain";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { type ApplicationRow, moduleOf } from "./records";

/** Users of `role` in the application's scope: the people a stage's "actors" means for this record. */
export async function usersToNotify(tx: Tx, app: ApplicationRow, role: Role): Promise<string[]> {
  const { users, panelMembers } = schema;
  if (role === "expert") {
    const seats = await tx
      .select({ id: panelMembers.expertId })
      .from(panelMembers)
      .where(eq(panelMembers.applicationId, app.id));
    return seats.map((s) => s.id);
  }
  const scope: Partial<Record<Role, SQL>> = {
    applicant: eq(users.organizationId, app.organizationId),
    recommender: eq(users.areaCode, app.recommenderArea),
    // The authority of the application's own jurisdiction, not every province's.
    authority: eq(users.areaCode, moduleOf(app.policyId).jurisdiction.code),
  };
  const where = and(eq(users.role, role), eq(users.disabled, false), scope[role]);
  const rows = await tx.select({ id: users.id }).from(users).where(where);
  return rows.map((r) => r.id);
}

/**
 * In the transition's transaction: everyone who must act in the new stage gets an "action-needed" row;
 * when the application ends, the applicant learns the outcome. (Email goes out only when SMTP is set up.)
 */
export async function notifyStageEntered(
  tx: Tx,
  app: ApplicationRow,
  module: PolicyModule,
  toStage: string,
): Promise<void> {
  const stage = module.workflow.stages.find((s) => s.id === toStage);
  if (!stage) return;
  const rows: (typeof schema.notifications.$inferInsert)[] = [];
  const roles: readonly Role[] = stage.terminal ? ["applicant"] : stage.actors;
  const kind = stage.terminal ? "decided" : "action-needed";
  for (const role of roles) {
    for (const userId of await usersToNotify(tx, app, role)) {
      rows.push({ userId, applicationId: app.id, kind, stage: toStage });
    }
  }
  if (rows.length > 0) await tx.insert(schema.notifications).values(rows);
}

/** Marks the caller's own notifications read; ids of other users are silently ignored. */
export async function markNotificationsRead(tx: Tx, userId: string, ids: number[], at: Date) {
  if (ids.length === 0) return 0;
  const { notifications } = schema;
  const updated = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return updated.length;
}
