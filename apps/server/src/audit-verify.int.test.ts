import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, recordAudit } from "@kechuang/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyConfiguredAuditChain } from "./audit-verify";

describe("pnpm audit:verify", () => {
  it("exits 0 on an intact chain and 1 once a row was altered", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "kc-audit-")), "data");
    const database = await openDatabase({ dataDir });
    for (const action of ["a", "b", "c"])
      await recordAudit(database.db, { actorId: null, actorRole: "anonymous", action, result: "ok" });
    await database.close();

    const intact = await verifyConfiguredAuditChain({ DATA_DIR: dataDir });
    expect(intact).toMatchObject({ exitCode: 0, report: { ok: true, rows: 3 } });

    const tamper = await openDatabase({ dataDir });
    await tamper.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tamper.db.execute(sql`update audit_log set action = 'forged' where action = 'b'`);
    await tamper.close();

    const broken = await verifyConfiguredAuditChain({ DATA_DIR: dataDir });
    expect(broken).toMatchObject({ exitCode: 1, report: { ok: false, reason: "altered" } });
    expect(broken.message).toContain("BROKEN");
  });

  it("refuses to verify a database that does not exist rather than create one", async () => {
    const missing = join(mkdtempSync(join(tmpdir(), "kc-audit-")), "nothing-here");
    expect(await verifyConfiguredAuditChain({ DATA_DIR: missing })).toMatchObject({ exitCode: 1 });
  });
});
