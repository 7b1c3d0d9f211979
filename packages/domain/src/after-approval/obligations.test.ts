import { describe, expect, it } from "vitest";
import { isObligationLate, isReportYearOpen, obligationStatus, reminderMomentOn } from "./obligations";

const due = { dueOn: "2026-03-31", exempt: false };

describe("obligationStatus", () => {
  it("is overdue the day after the due date, not on it", () => {
    expect(obligationStatus(due, null, "2026-03-31")).toBe("due");
    expect(obligationStatus(due, null, "2026-04-01")).toBe("overdue");
  });
  it("is due from 30 days before the due date, upcoming the day before that", () => {
    expect(obligationStatus(due, null, "2026-03-01")).toBe("due");
    expect(obligationStatus(due, null, "2026-02-28")).toBe("upcoming");
  });
  it("a draft or a returned report is still owed; a submitted one is in review; accepted is done", () => {
    expect(obligationStatus(due, { status: "draft", submittedAt: null }, "2026-04-01")).toBe("overdue");
    expect(
      obligationStatus(due, { status: "returned", submittedAt: "2026-03-01T00:00:00Z" }, "2026-04-01"),
    ).toBe("overdue");
    expect(
      obligationStatus(due, { status: "submitted", submittedAt: "2026-03-01T00:00:00Z" }, "2027-01-01"),
    ).toBe("in-review");
    expect(
      obligationStatus(
        due,
        { status: "recommender-checked", submittedAt: "2026-03-01T00:00:00Z" },
        "2027-01-01",
      ),
    ).toBe("in-review");
    expect(
      obligationStatus(due, { status: "accepted", submittedAt: "2026-03-01T00:00:00Z" }, "2027-01-01"),
    ).toBe("accepted");
  });
  it("an exempt year is exempt whatever the date", () => {
    expect(obligationStatus({ ...due, exempt: true }, null, "2030-01-01")).toBe("exempt");
    expect(isObligationLate({ ...due, exempt: true }, null, "2030-01-01")).toBe(false);
  });
  it("without a due date nothing is overdue", () => {
    expect(obligationStatus({ dueOn: null, exempt: false }, null, "2030-01-01")).toBe("upcoming");
  });
});

describe("isObligationLate", () => {
  it("counts a submission on the due date as in time, the next day as late", () => {
    expect(isObligationLate(due, { submittedAt: "2026-03-31T10:00:00.000Z" }, "2026-05-01")).toBe(false);
    expect(isObligationLate(due, { submittedAt: "2026-04-01T10:00:00.000Z" }, "2026-05-01")).toBe(true);
    expect(isObligationLate(due, null, "2026-03-31")).toBe(false);
    expect(isObligationLate(due, null, "2026-04-01")).toBe(true);
  });
});

describe("isReportYearOpen", () => {
  it("opens on 1 January of the year covered", () => {
    expect(isReportYearOpen(2026, "2025-12-31")).toBe(false);
    expect(isReportYearOpen(2026, "2026-01-01")).toBe(true);
  });
});

describe("reminderMomentOn", () => {
  it("before from 30 days ahead, on the day, overdue after", () => {
    expect(reminderMomentOn("2026-03-31", "2026-02-28")).toBeNull();
    expect(reminderMomentOn("2026-03-31", "2026-03-01")).toBe("before");
    expect(reminderMomentOn("2026-03-31", "2026-03-30")).toBe("before");
    expect(reminderMomentOn("2026-03-31", "2026-03-31")).toBe("on-day");
    expect(reminderMomentOn("2026-03-31", "2026-04-01")).toBe("overdue");
  });
});
