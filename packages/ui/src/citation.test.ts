import { describe, expect, it } from "vitest";
import { citationHref, clauseElementId, clauseIdFromHash } from "./citation";

describe("citationHref", () => {
  it("links to the clause anchor in the public library, URL-encoded", () => {
    expect(citationHref({ source: "hn-tic-2020", clause: "三(四)" })).toBe(
      "/public/policies/hn-tic-2020#clause-%E4%B8%89(%E5%9B%9B)",
    );
    expect(citationHref({ source: "sc-tic-2018", clause: "附件" })).toBe(
      `/public/policies/sc-tic-2018#clause-${encodeURIComponent("附件")}`,
    );
  });

  it("round-trips through the hash the library page reads", () => {
    for (const clause of ["三(二)", "三(四)1", "附件", "a b#c"]) {
      const hash = citationHref({ source: "nm-tic-2020", clause }).split("#")[1] ?? "";
      expect(clauseIdFromHash(`#${hash}`)).toBe(clause);
    }
  });
});

describe("clauseIdFromHash", () => {
  it("ignores hashes that are not clause anchors or are malformed", () => {
    expect(clauseIdFromHash("")).toBeNull();
    expect(clauseIdFromHash("#top")).toBeNull();
    expect(clauseIdFromHash("#clause-")).toBeNull();
    expect(clauseIdFromHash("#clause-%E4%B8")).toBeNull();
    expect(clauseElementId("三(二)")).toBe("clause-三(二)");
  });
});
