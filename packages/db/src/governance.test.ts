import type { GovernanceState } from "@kechuang/domain";
import { describe, expect, it } from "vitest";
import { type MembershipRow, seatsOf, stateOfRows } from "./repositories/governance";
import { DEMO_NM_GOVERNANCE, DEMO_NM_STATE_2024 } from "./seed-governance";

/** Rows as the table would hold a state's seats (ids and dates do not matter to the state). */
const rowsOf = (state: GovernanceState): MembershipRow[] =>
  seatsOf(state).map((seat, i) => ({
    bodyKind: null,
    position: "member",
    organization: null,
    affiliation: null,
    expertise: null,
    isDirector: false,
    organizationType: null,
    fullTime: null,
    monthsPerYear: null,
    seatId: null,
    department: null,
    ...seat,
    id: `row-${i}`,
    platformId: "p",
    jurisdiction: "150000",
    since: "2021-04-12",
    until: null,
    openedByChange: null,
    closedByChange: null,
    createdAt: new Date(i),
  }));

describe("seatsOf and stateOfRows", () => {
  it("give back the state they were given", () => {
    for (const state of [DEMO_NM_GOVERNANCE.state2021, DEMO_NM_STATE_2024])
      expect(stateOfRows(rowsOf(state))).toEqual(state);
  });

  it("keep the chair apart from the members and the director's time on the director row", () => {
    const seats = seatsOf(DEMO_NM_GOVERNANCE.state2021);
    expect(seats.filter((s) => s.position === "chair").map((s) => s.name)).toEqual(["刘振华"]);
    expect(seats.find((s) => s.body === "director")).toMatchObject({ fullTime: true, monthsPerYear: 10 });
    expect(seats).toHaveLength(1 + 1 + 3 + 1 + 9 + 1);
  });
});
