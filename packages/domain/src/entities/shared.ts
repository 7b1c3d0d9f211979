import { z } from "zod";

/** Instants (created, submitted, decided) are ISO 8601 with offset; calendar days use isoDateSchema. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** Free text a person writes in a form: trimmed, bounded. */
export const shortTextSchema = z.string().trim().min(1).max(200);
export const longTextSchema = z.string().trim().min(1).max(20_000);
/** A mandatory explanation (returns, rejections, objection rulings): never blank. */
export const reasonSchema = z.string().trim().min(1).max(2_000);

/**
 * A client-made key (a UUID, say) sent with a decision, so a retried request replays the first answer
 * instead of acting twice. Kept per user and per procedure (packages/api/src/workflow/idempotency.ts).
 */
export const idempotencyKeySchema = z.string().min(8).max(100);

/** Administrative division code (行政区划代码, GB/T 2260): six digits. */
export const divisionCodeSchema = z.string().regex(/^\d{6}$/, "six-digit administrative division code");

/** Stage and action ids of a module's workflow (kebab-case, e.g. "consultation", "open-publicity"). */
export const stageIdSchema = z
  .string()
  .regex(/^[a-z][a-z-]*$/)
  .max(60);
export const actionIdSchema = z
  .string()
  .regex(/^[a-z][a-z-]*$/)
  .max(60);
