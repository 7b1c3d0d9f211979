/**
 * Child process of crash.int.test.ts: opens the database exactly as the server does (PGlite with its
 * data-directory lock, or PostgreSQL), then inserts numbered records one transaction at a time and prints
 * each number only AFTER its commit returned. The parent SIGKILLs it at random and checks that every
 * printed number survived. Usage: crash-probe <dataDir|postgres://…> <migrationsFolder>
 */
import { openDatabase } from "@kechuang/db";
import { sql } from "drizzle-orm";

const [target, migrationsFolder] = process.argv.slice(2);
if (!target || !migrationsFolder) {
  console.error("usage: crash-probe <dataDir|postgres-url> <migrationsFolder>");
  process.exit(2);
}

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(
    target.startsWith("postgres")
      ? { dataDir: "unused", databaseUrl: target, migrationsFolder }
      : { dataDir: target, migrationsFolder },
  );
} catch (error) {
  // The lock refusal lands here: the parent reads the message from stderr.
  console.error((error as Error).message);
  process.exit(3);
}
const { db } = database;
// A test table made by the probe itself, so the product schema is not touched.
await db.execute(
  sql`create table if not exists crash_probe (n integer primary key, pid integer not null, at timestamptz not null default now())`,
);
const result = await db.execute(sql`select coalesce(max(n), 0)::int as last from crash_probe`);
let n = (result as unknown as { rows: { last: number }[] }).rows[0]!.last + 1;
process.stdout.write(`ready ${process.pid}\n`);
for (;;) {
  const current = n;
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into crash_probe (n, pid) values (${current}, ${process.pid})`);
  });
  // stdout to a pipe is synchronous on Linux: once written, the parent will read it even after SIGKILL.
  process.stdout.write(`ack ${current}\n`);
  n++;
}
