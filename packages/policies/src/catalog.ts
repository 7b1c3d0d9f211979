/**
 * Every rule id of POLICIES.md ("the rules the system must encode"), grouped by source id, transcribed
 * exactly. The conformance suite checks that a module implements every id of its own group.
 * A new module brings its own group (see `createRegistry`); this table only lists the five sources.
 */
export const catalogRuleIds = {
  "sc-tic-2018": [
    "sc-tic.period",
    "sc-tic.fields",
    "sc-tic.lead-unit",
    "sc-tic.legal-status",
    "sc-tic.governance",
    "sc-tic.funding",
    "sc-tic.stages",
    "sc-tic.panel",
    "sc-tic.outcomes",
    "sc-tic.annual-report",
  ],
  "sc-zone-2018": [
    "sc-zone.layout",
    "sc-zone.subject",
    "sc-zone.conditions",
    "sc-zone.tasks",
    "sc-zone.stages",
    "sc-zone.indicators",
    "sc-zone.annual-report",
    "sc-zone.period",
    "sc-zone.outcomes",
    "sc-zone.experience",
  ],
  "nm-tic-2020": [
    "nm-tic.fields",
    "nm-tic.structure",
    "nm-tic.charter",
    "nm-tic.bodies",
    "nm-tic.committee-outsiders",
    "nm-tic.committee-chair",
    "nm-tic.committee-makeup",
    "nm-tic.director-time",
    "nm-tic.director-filing",
    "nm-tic.national-prereq",
    "nm-tic.rolling",
    "nm-tic.stages",
    "nm-tic.naming",
    "nm-tic.change-filing",
    "nm-tic.change-approval",
    "nm-tic.annual-report",
    "nm-tic.evaluation-timing",
    "nm-tic.evaluation-grades",
    "nm-tic.rectification",
    "nm-tic.delisting",
    "nm-tic.matching-funds",
    "nm-tic.post-subsidy",
    "nm-tic.outline",
  ],
  "hn-tic-2020": [
    "hn-tic.categories",
    "hn-tic.fields",
    "hn-tic.period",
    "hn-tic.lead-general",
    "hn-tic.enterprise-rd",
    "hn-tic.academia-service-income",
    "hn-tic.academia-cases",
    "hn-tic.capital",
    "hn-tic.bodies",
    "hn-tic.stages",
    "hn-tic.annual-report",
    "hn-tic.evaluation",
    "hn-tic.outline",
  ],
  "as-plat-2021": [
    "as-plat.goal",
    "as-plat.targets",
    "as-plat.tiers",
    "as-plat.pool",
    "as-plat.talent",
    "as-plat.joint-meeting",
  ],
} as const satisfies Record<string, readonly string[]>;

export type CatalogSourceId = keyof typeof catalogRuleIds;

/**
 * Rules that hold for every source ("Cross-cutting rules (all sources)"). They are enforced by the
 * platform (publicity guard, expert assignment, audit trail), not owned by one module; a module that
 * cites one (e.g. a publicity transition's ruleId) must still carry it in its own `rules`.
 */
export const crossCuttingRuleIds = [
  "common.publicity",
  "common.conflict-of-interest",
  "common.audit",
] as const;
