import { sendObligationReminders } from "@kechuang/api";
import { backfillObligations, type Database } from "@kechuang/db";
import type { FastifyBaseLogger } from "fastify";

/**
 * The annual-report reminders (issue 10), swept on start and then hourly on the server's clock. On start
 * it first gives a calendar to platforms approved before calendars were stored (databases upgraded to
 * migration 0006). Idempotent (obligation_reminders), so several instances and restarts send nothing twice.
 */
export const REMINDER_SWEEP_MS = 60 * 60 * 1000;

export interface ObligationSweep {
  /** Runs one sweep now (tests); resolves with the number of reminders sent. */
  run(): Promise<number>;
  stop(): Promise<void>;
}

/** China's calendar date of an instant (deadlines in the sources are Beijing dates). */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function startObligationSweep(
  database: Database,
  log: FastifyBaseLogger,
  now: () => Date = () => new Date(),
): ObligationSweep {
  let running: Promise<number> | undefined;
  let backfilled = false;
  const run = (): Promise<number> => {
    running ??= (async () => {
      if (!backfilled) {
        const given = await backfillObligations(database.db);
        backfilled = true;
        if (given > 0) log.info({ platforms: given }, "obligations calendar written for earlier platforms");
      }
      const at = now();
      return sendObligationReminders(database.db, chinaDate(at), at);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = () =>
    run().then(
      (sent) => {
        if (sent > 0) log.info({ sent }, "annual report reminders sent");
      },
      (error: unknown) => log.warn({ err: error }, "annual report reminders not sent; retrying next round"),
    );
  const first = setTimeout(tick, 0);
  first.unref();
  const timer = setInterval(tick, REMINDER_SWEEP_MS);
  timer.unref();
  return {
    run,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
