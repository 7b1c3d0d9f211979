import { schema, seedDemo } from "@kechuang/db";
import { createTestDatabase } from "@kechuang/db/testing";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { startObligationSweep } from "./obligation-sweep";

describe("the obligation sweep", () => {
  it("gives an earlier platform its calendar on start and reminds its applicants, once, on the server's clock", async () => {
    const database = await createTestDatabase("pglite");
    try {
      await seedDemo(database.db, new Date("2025-01-31T04:00:00Z"));
      const [applicant] = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.username, "applicant"));
      // A platform approved before calendars were stored: no obligation rows.
      const [platform] = await database.db
        .insert(schema.platforms)
        .values({
          policyId: "hn-tic-2020",
          kind: "tech-innovation-center",
          name: "湖南省升级前技术创新中心",
          leadOrgId: applicant!.organizationId!,
          jurisdiction: "430000",
          approvedOn: "2024-04-04",
          fields: [],
        })
        .returning({ id: schema.platforms.id });
      const sweep = startObligationSweep(
        database,
        pino({ level: "silent" }),
        () => new Date("2025-01-31T04:00:00Z"),
      );
      await sweep.run();
      await sweep.run();
      await sweep.stop();
      const obligations = await database.db
        .select()
        .from(schema.platformObligations)
        .where(eq(schema.platformObligations.platformId, platform!.id));
      expect(obligations.find((o) => o.yearCovered === 2024)).toMatchObject({ dueOn: "2025-01-31" });
      const reminders = await database.db
        .select()
        .from(schema.notifications)
        .where(
          and(
            eq(schema.notifications.platformId, platform!.id),
            eq(schema.notifications.userId, applicant!.id),
          ),
        );
      expect(reminders.map((n) => [n.kind, (n.detail as { moment: string }).moment])).toEqual([
        ["report-reminder", "on-day"],
      ]);
    } finally {
      await database.close();
    }
  });
});
