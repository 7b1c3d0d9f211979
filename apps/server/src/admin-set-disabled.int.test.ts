import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword, openDatabase, schema } from "@kechuang/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runScript } from "./server-process";

/**
 * `pnpm admin:disable|admin:enable <username>` on the server: with the security administrator's page, the
 * only way an administrator account is switched off or on (三员分立; the system administrator cannot).
 */
describe("admin:disable and admin:enable commands", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "kc-admin-disable-")), "data");
  const env = { DATA_DIR: dataDir };
  const userRow = async (username: string) => {
    const database = await openDatabase({ dataDir });
    try {
      const [row] = await database.db.select().from(schema.users).where(eq(schema.users.username, username));
      const sessions = row
        ? await database.db.select().from(schema.sessions).where(eq(schema.sessions.userId, row.id))
        : [];
      const audits = row
        ? await database.db
            .select()
            .from(schema.auditLog)
            .where(eq(schema.auditLog.objectId, row.id))
            .orderBy(schema.auditLog.id)
        : [];
      return { row, sessions, audits };
    } finally {
      await database.close();
    }
  };

  it("disables an administrator, cutting its sessions, and enables it again, audited as the installer", async () => {
    const created = await runScript("src/admin-create.ts", ["system-admin", "sysop", "系统管理员"], env);
    expect(created.code, created.stderr).toBe(0);
    // A live session of that administrator, as a sign-in would leave it.
    const database = await openDatabase({ dataDir });
    try {
      const [row] = await database.db.select().from(schema.users).where(eq(schema.users.username, "sysop"));
      const now = new Date();
      await database.db.insert(schema.sessions).values({
        id: "a".repeat(64),
        userId: row!.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 3_600_000),
      });
    } finally {
      await database.close();
    }

    const disabled = await runScript("src/admin-set-disabled.ts", ["disable", "sysop"], env);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain("sysop (system-admin) is now disabled");
    const afterDisable = await userRow("sysop");
    expect(afterDisable.row!.disabled).toBe(true);
    expect(afterDisable.sessions).toEqual([]);

    const enabled = await runScript("src/admin-set-disabled.ts", ["enable", "sysop"], env);
    expect(enabled.code, enabled.stderr).toBe(0);
    const afterEnable = await userRow("sysop");
    expect(afterEnable.row!.disabled).toBe(false);
    expect(
      afterEnable.audits.map((a) => ({ action: a.action, actorRole: a.actorRole, actorId: a.actorId })),
    ).toEqual([
      { action: "admin.account.provision", actorRole: "installer", actorId: null },
      { action: "admin.account.disable", actorRole: "installer", actorId: null },
      { action: "admin.account.enable", actorRole: "installer", actorId: null },
    ]);
  }, 240_000);

  it("touches only administrator accounts, and says so", async () => {
    const database = await openDatabase({ dataDir });
    try {
      await database.db.insert(schema.users).values({
        username: "plainexpert",
        displayName: "专家",
        role: "expert",
        passwordHash: await hashPassword("Not-used-here-1"),
      });
    } finally {
      await database.close();
    }
    for (const username of ["plainexpert", "nobody"]) {
      const refused = await runScript("src/admin-set-disabled.ts", ["disable", username], env);
      expect(refused.code, username).toBe(1);
      expect(refused.stderr).toContain(`no administrator account named ${username}`);
    }
    expect((await userRow("plainexpert")).row!.disabled).toBe(false);
    const usage = await runScript("src/admin-set-disabled.ts", ["suspend", "sysop"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("pnpm admin:disable <username>");
  }, 240_000);
});
