import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  canonicalAuditRow,
  GENESIS_HASH,
  openDatabase,
  recordAudit,
  SECRET_KEY_FILE,
  schema,
} from "@kechuang/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyConfiguredAuditChain } from "./audit-verify";
import { runScript } from "./server-process";

describe("pnpm audit:verify", () => {
  it("exits 0 on an intact chain and 1 once a row was altered", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "kc-audit-")), "data");
    const database = await openDatabase({ dataDir });
    for (const action of ["a", "b", "c"])
      await recordAudit(database.db, { actorId: null, actorRole: "anonymous", action, result: "ok" });
    await database.close();

    const intact = await verifyConfiguredAuditChain({ DATA_DIR: dataDir });
    expect(intact).toMatchObject({ exitCode: 0, report: { ok: true, rows: 3 } });
    // The head to keep elsewhere: the newest row's id and MAC.
    expect(intact.head).toMatchObject({
      id: expect.any(Number),
      mac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(intact.message).toContain(`Head: row ${intact.head!.id} MAC ${intact.head!.mac}`);

    const tamper = await openDatabase({ dataDir });
    await tamper.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tamper.db.execute(sql`update audit_log set action = 'forged' where action = 'b'`);
    await tamper.close();

    const broken = await verifyConfiguredAuditChain({ DATA_DIR: dataDir });
    expect(broken).toMatchObject({ exitCode: 1, report: { ok: false, reason: "altered" } });
    expect(broken.message).toContain("BROKEN");
  }, 60_000);

  it("exits 1, as the `pnpm audit:verify` command, once a row was deleted from the chain", async () => {
    const rootScripts = JSON.parse(
      readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
    ).scripts;
    expect(rootScripts["audit:verify"]).toBe("pnpm --filter @kechuang/server audit:verify");

    const dataDir = join(mkdtempSync(join(tmpdir(), "kc-audit-")), "data");
    const database = await openDatabase({ dataDir });
    for (const action of ["a", "b", "c"])
      await recordAudit(database.db, { actorId: null, actorRole: "anonymous", action, result: "ok" });
    await database.close();

    const intact = await runScript("src/audit-verify.ts", [], { DATA_DIR: dataDir });
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain("3 rows verified");

    // The trigger refuses deletes; tampering means the table owner disabling it first.
    const tamper = await openDatabase({ dataDir });
    await expect(tamper.db.execute(sql`delete from audit_log where action = 'b'`)).rejects.toThrow();
    await tamper.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tamper.db.execute(sql`delete from audit_log where action = 'b'`);
    await tamper.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    await tamper.close();

    const broken = await runScript("src/audit-verify.ts", [], { DATA_DIR: dataDir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("AUDIT CHAIN BROKEN");
    expect(broken.stderr).toContain("missing-predecessor");
    expect(await verifyConfiguredAuditChain({ DATA_DIR: dataDir })).toMatchObject({
      exitCode: 1,
      report: { ok: false, reason: "missing-predecessor" },
    });
  }, 60_000);

  it("exits 1 on a chain recomputed without the key, and never makes a new key to verify with", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "kc-audit-")), "data");
    const database = await openDatabase({ dataDir });
    for (const action of ["a", "b", "c"])
      await recordAudit(database.db, { actorId: null, actorRole: "anonymous", action, result: "ok" });
    // A forger with write access but not the key edits a row and recomputes an unkeyed SHA-256 chain.
    const rows = await database.db.select().from(schema.auditLog).orderBy(schema.auditLog.id);
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const action = row.action === "b" ? "forged" : row.action;
      const canonical = canonicalAuditRow({ ...row, action });
      const hash = createHash("sha256")
        .update(prev + canonical)
        .digest("hex");
      await database.db.execute(
        sql`update audit_log set action = ${action}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
      );
      prev = hash;
    }
    await database.close();

    const forged = await runScript("src/audit-verify.ts", [], { DATA_DIR: dataDir });
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain("AUDIT CHAIN BROKEN");
    expect(forged.stderr).toContain("without this server's key");

    // Without KECHUANG_SECRET_KEY and without DATA_DIR/secret.key there is nothing to verify with.
    rmSync(join(dataDir, SECRET_KEY_FILE));
    const keyless = await verifyConfiguredAuditChain({ DATA_DIR: dataDir });
    expect(keyless).toMatchObject({ exitCode: 1 });
    expect(keyless.message).toContain("KECHUANG_SECRET_KEY");
  }, 60_000);

  it("refuses to verify a database that does not exist rather than create one", async () => {
    const missing = join(mkdtempSync(join(tmpdir(), "kc-audit-")), "nothing-here");
    expect(await verifyConfiguredAuditChain({ DATA_DIR: missing })).toMatchObject({ exitCode: 1 });
  });
});
