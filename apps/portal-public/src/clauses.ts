/**
 * How deep a clause sits in its source, from how the sources number them: "三" is a section, "三(二)" a
 * sub-section, "三(一)1" an item. Anything else ("附件", "通知", "引言") is a top-level part.
 */
export function clauseDepth(clauseId: string): 0 | 1 | 2 {
  if (/\)\s*\d+$/.test(clauseId) || /（[^）]*）\s*\d+$/.test(clauseId)) return 2;
  if (/[(（]/.test(clauseId)) return 1;
  return 0;
}
