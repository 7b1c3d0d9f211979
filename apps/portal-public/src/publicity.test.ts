import { fileObjectionInputSchema } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import {
  chinaToday,
  daysLeft,
  groundsLength,
  isReachableContact,
  nameLength,
  pageFromParam,
  pastPageSize,
} from "./publicity";

describe("chinaToday", () => {
  it("is the Beijing calendar date, not UTC's", () => {
    expect(chinaToday(new Date("2026-11-21T15:59:59Z"))).toBe("2026-11-21");
    expect(chinaToday(new Date("2026-11-21T16:00:00Z"))).toBe("2026-11-22");
  });
});

describe("daysLeft", () => {
  it("counts the closing day itself and never goes negative", () => {
    expect(daysLeft("2026-11-22", "2026-11-22")).toBe(1);
    expect(daysLeft("2026-11-27", "2026-11-22")).toBe(6);
    expect(daysLeft("2026-12-01", "2026-11-30")).toBe(2);
    expect(daysLeft("2026-11-21", "2026-11-22")).toBe(0);
    expect(daysLeft("not a date", "2026-11-22")).toBe(0);
  });
});

describe("isReachableContact", () => {
  it("accepts a mobile, a landline or an e-mail address", () => {
    for (const contact of [
      "13812345678",
      "+86 138 1234 5678",
      "0731-84445678",
      "(0731)84445678",
      "a.b@hn.gov.cn",
    ])
      expect(isReachableContact(contact)).toBe(true);
  });
  it("refuses what cannot reach anyone", () => {
    for (const contact of ["", "12", "电话", "12345678901", "someone@", "138 1234"])
      expect(isReachableContact(contact)).toBe(false);
  });
});

describe("limits", () => {
  it("match the server's objection schema", () => {
    const input = (grounds: string, objectorName: string) => ({
      noticeId: "5b0d2f7e-9a51-4a43-8c1e-3f2b1a0c9d8e",
      objectorName,
      objectorContact: "13812345678",
      grounds,
    });
    const ok = (grounds: string, name: string) =>
      fileObjectionInputSchema.safeParse(input(grounds, name)).success;
    expect(ok("字".repeat(groundsLength.min), "张")).toBe(true);
    expect(ok("字".repeat(groundsLength.min - 1), "张")).toBe(false);
    expect(ok("字".repeat(groundsLength.max + 1), "张")).toBe(false);
    expect(ok("字".repeat(groundsLength.min), "名".repeat(nameLength.max + 1))).toBe(false);
  });
});

describe("past notices paging", () => {
  it("reads the page from the URL, falling back to page 1 for anything else", () => {
    expect(pageFromParam(null)).toBe(1);
    expect(pageFromParam("3")).toBe(3);
    expect(pageFromParam("0")).toBe(1);
    expect(pageFromParam("-2")).toBe(1);
    expect(pageFromParam("2.5")).toBe(1);
    expect(pageFromParam("abc")).toBe(1);
    expect(pageFromParam("999999")).toBe(1);
    // Within the server's bounds (publicity.listPast: page ≤ 10,000, pageSize ≤ 50).
    expect(pageFromParam("10000")).toBe(10000);
    expect(pageFromParam("10001")).toBe(1);
    expect(pastPageSize).toBeLessThanOrEqual(50);
  });
});
