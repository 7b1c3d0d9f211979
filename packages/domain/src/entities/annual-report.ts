import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { longTextSchema, reasonSchema, timestampSchema } from "./shared";

/**
 * A platform's yearly report. Inner Mongolia routes it through the recommender first
 * (nm-tic.annual-report), so `recommender-checked` sits between submission and acceptance there;
 * other modules go straight from `submitted` to `accepted`.
 */
export const annualReportStatusSchema = z.enum([
  "draft",
  "submitted",
  "recommender-checked",
  "returned",
  "accepted",
]);
export type AnnualReportStatus = z.infer<typeof annualReportStatusSchema>;

/** One indicator of a zone's report: its own target for the year and what was achieved (sc-zone). */
export const reportedIndicatorSchema = z.object({
  name: z.string().trim().min(1).max(100),
  unit: z.string().trim().min(1).max(20),
  target: z.number().finite().nullable(),
  actual: z.number().finite(),
});
export type ReportedIndicator = z.infer<typeof reportedIndicatorSchema>;

/**
 * A report's content: the module's sections (its `annualReport.sections`, by id) and, for a zone, its
 * indicators. Which section ids are allowed is the module's to say, so the server checks them against it.
 */
export const annualReportContentSchema = z.object({
  sections: z
    .record(
      z
        .string()
        .regex(/^[a-z][a-zA-Z0-9-]*$/)
        .max(60),
      longTextSchema,
    )
    .default({}),
  indicators: z.array(reportedIndicatorSchema).max(100).optional(),
});
export type AnnualReportContent = z.infer<typeof annualReportContentSchema>;

export const annualReportSchema = z.object({
  id: uuidSchema,
  platformId: uuidSchema,
  yearCovered: z.number().int().min(2000).max(2100),
  /** From the module's schedule; null when the source names no date and none is configured. */
  dueOn: isoDateSchema.nullable(),
  status: annualReportStatusSchema,
  content: annualReportContentSchema,
  submittedAt: timestampSchema.nullable(),
  /** Why it was sent back, when `returned`. */
  returnReason: reasonSchema.nullable(),
  version: z.number().int().nonnegative(),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

export const saveAnnualReportInputSchema = z.object({
  platformId: uuidSchema,
  yearCovered: annualReportSchema.shape.yearCovered,
  content: annualReportContentSchema,
  expectedVersion: z.number().int().nonnegative().optional(),
});
export type SaveAnnualReportInput = z.infer<typeof saveAnnualReportInputSchema>;

/** Late when not submitted by the due date (a delisting ground in nm-tic.delisting). */
export const isAnnualReportLate = (
  report: Pick<AnnualReport, "dueOn" | "submittedAt">,
  today: string,
): boolean =>
  report.dueOn !== null &&
  (report.submittedAt === null ? today > report.dueOn : report.submittedAt.slice(0, 10) > report.dueOn);
