import { z } from "zod";

/** Text every user sees comes in both locales; zh-CN is the default. */
export const localizedTextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A calendar date without time, as written in the sources and the REST API. */
export const isoDateSchema = z.iso.date();
export type IsoDate = string;

/** Amounts are whole yuan (CNY): no floating point money anywhere. */
export const cnySchema = z.number().int().nonnegative();

export const uuidSchema = z.uuid();

/** Expected failures are values, not exceptions (DESIGN.md conventions). */
export type Result<T, E = LocalizedText> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
