import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decryptTotpSecret, deriveSecrets, loadOrCreateSecretKey, openDatabase, schema } from "@kechuang/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runScript } from "./server-process";

/** `pnpm admin:create` as an installer runs it on the server: the only way an administrator account appears. */
describe("admin:create command", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "kc-admin-create-")), "data");

  it("sets up an audit administrator once, printing the initial password and TOTP secret", async () => {
    const created = await runScript("src/admin-create.ts", ["audit-admin", "auditor", "审计管理员", "甲"], {
      DATA_DIR: dataDir,
    });
    expect(created.code, created.stderr).toBe(0);
    const printed = JSON.parse(created.stdout);
    expect(printed).toMatchObject({ username: "auditor", role: "audit-admin" });
    expect(printed.initialPassword).toHaveLength(16);
    expect(printed.totpSecret).toMatch(/^[A-Z2-7]{32}$/);

    const again = await runScript("src/admin-create.ts", ["audit-admin", "auditor", "重复"], {
      DATA_DIR: dataDir,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("taken");

    const database = await openDatabase({ dataDir });
    try {
      const [row] = await database.db.select().from(schema.users).where(eq(schema.users.username, "auditor"));
      expect(row).toMatchObject({ role: "audit-admin", displayName: "审计管理员 甲" });
      expect(row!.passwordHash).not.toContain(printed.initialPassword);
      // The TOTP secret is stored encrypted under the installation's key (here DATA_DIR/secret.key).
      expect(row!.totpSecret).not.toContain(printed.totpSecret);
      const secrets = deriveSecrets(loadOrCreateSecretKey(dataDir));
      expect(decryptTotpSecret(secrets, row!.totpSecret!)).toBe(printed.totpSecret);
      const audits = await database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, "admin.account.provision"));
      expect(audits).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 60_000);

  it("refuses anything but the three administrator roles", async () => {
    const refused = await runScript("src/admin-create.ts", ["authority", "boss", "处长"], {
      DATA_DIR: dataDir,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("system-admin|security-admin|audit-admin");
  });
});
