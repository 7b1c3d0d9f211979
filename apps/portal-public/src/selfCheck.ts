import {
  type Affiliation,
  type CenterFacts,
  centerFactsSchema,
  type Expertise,
  type FactChoice,
  formationModeLabels,
  type LocalizedText,
  type OrganizationType,
  organizationTypeLabels,
  type PlatformKind,
  type PolicySummary,
} from "@kechuang/domain";
import { groupedYuan, wanToCny } from "./money";

/**
 * The self-check form's values: CenterFacts with every amount as 万元 text (see money.ts) and committee
 * members flagged as chair / director instead of a separate chair entry. These values, not the facts,
 * are what localStorage keeps, so a reload shows exactly what was typed.
 */
export type MemberValues = {
  name?: string;
  affiliation?: Affiliation;
  organization?: string;
  expertise?: Expertise;
  isChair?: boolean;
  isDirector?: boolean;
};

export type SelfCheckValues = {
  kind?: PlatformKind;
  category?: "comprehensive" | "domain";
  formationMode?: CenterFacts["formationMode"];
  fields?: string[];
  leadUnit?: {
    name?: string;
    type?: OrganizationType;
    industryLeader?: boolean;
    rdWan?: (string | undefined)[];
    annualIncomeWan?: string;
    technicalServiceIncomeWan?: string;
    transferCasesInField?: number | null;
    provincialPlatformSupport?: boolean;
  };
  coBuildUnits?: { name?: string; type?: OrganizationType }[];
  legalEntity?: { independent?: boolean; registeredCapitalWan?: string };
  hasCharter?: boolean;
  boardMembers?: MemberValues[];
  committeeKind?: "expert-committee" | "tech-guidance-committee";
  committeeMembers?: MemberValues[];
  director?: { monthsPerYearAtCenter?: number | null; fullTime?: boolean };
  fiscalSupportWan?: string;
  matchingRdFundsWan?: string;
  zone?: {
    applicantIsCityBureau?: boolean;
    siteType?: "park" | "high-tech-base" | "university-science-park";
    demonstrationTasks?: string[];
    indicatorCount?: number | null;
  };
};

export type FactsFromValues =
  | { ok: true; facts: CenterFacts }
  /** `paths` name the form fields to fix (antd name paths joined by "."). */
  | { ok: false; paths: string[] };

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};
const count = (value: number | null | undefined): number | undefined =>
  value === null || value === undefined ? undefined : value;

/** Drop undefined keys and objects left with nothing in them: an absent fact reads "needs information". */
function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

function member(values: MemberValues) {
  const name = text(values.name);
  if (!name || !values.affiliation) return undefined;
  return compact({
    name,
    affiliation: values.affiliation,
    organization: text(values.organization),
    expertise: values.expertise,
    isDirector: values.isDirector ? true : undefined,
  });
}

/** Form values → CenterFacts for `policies.check`. Half-filled rows are left out, bad amounts reported. */
export function factsFromValues(values: SelfCheckValues): FactsFromValues {
  const badPaths: string[] = [];
  const amount = (raw: string | undefined, path: string): number | undefined => {
    const yuan = wanToCny(raw);
    if (yuan === null) {
      badPaths.push(path);
      return undefined;
    }
    return yuan;
  };

  if (!values.kind) return { ok: false, paths: ["kind"] };
  const lead = values.leadUnit ?? {};
  const years = [0, 1, 2].map((index) => amount(lead.rdWan?.[index], `leadUnit.rdWan.${index}`));
  const allYears = years.every((year) => year !== undefined) ? (years as number[]) : undefined;

  const boardMembers = (values.boardMembers ?? []).flatMap((row) => member(row) ?? []);
  const committeeRows = values.committeeMembers ?? [];
  const committeeMembers = committeeRows.flatMap((row) => member(row) ?? []);
  const chairRow = committeeRows.find((row) => row.isChair && member(row));

  const candidate = {
    kind: values.kind,
    category: values.category,
    formationMode: values.formationMode,
    fields: values.fields?.map((field) => field.trim()).filter(Boolean),
    leadUnit: compact({
      name: text(lead.name),
      type: lead.type,
      industryLeader: lead.industryLeader,
      rdExpenditureLast3Years: allYears,
      annualIncome: amount(lead.annualIncomeWan, "leadUnit.annualIncomeWan"),
      technicalServiceIncome: amount(lead.technicalServiceIncomeWan, "leadUnit.technicalServiceIncomeWan"),
      transferCasesInField: count(lead.transferCasesInField),
      provincialPlatformSupport: lead.provincialPlatformSupport,
    }),
    coBuildUnits: (values.coBuildUnits ?? []).flatMap((unit) => {
      const name = text(unit.name);
      return name && unit.type ? [{ name, type: unit.type }] : [];
    }),
    legalEntity: compact({
      independent: values.legalEntity?.independent,
      registeredCapital: amount(values.legalEntity?.registeredCapitalWan, "legalEntity.registeredCapitalWan"),
    }),
    hasCharter: values.hasCharter,
    board: boardMembers.length > 0 ? { members: boardMembers } : undefined,
    committee:
      values.committeeKind && committeeMembers.length > 0
        ? compact({
            kind: values.committeeKind,
            members: committeeMembers,
            chair: chairRow ? member(chairRow) : undefined,
          })
        : undefined,
    director: compact({
      monthsPerYearAtCenter: count(values.director?.monthsPerYearAtCenter),
      fullTime: values.director?.fullTime,
    }),
    fiscalSupport: amount(values.fiscalSupportWan, "fiscalSupportWan"),
    matchingRdFunds: amount(values.matchingRdFundsWan, "matchingRdFundsWan"),
    zone:
      values.kind === "transfer-demonstration-zone"
        ? compact({
            applicantIsCityBureau: values.zone?.applicantIsCityBureau,
            siteType: values.zone?.siteType,
            demonstrationTasks: values.zone?.demonstrationTasks?.map((task) => task.trim()).filter(Boolean),
            indicatorCount: count(values.zone?.indicatorCount),
          })
        : undefined,
  };
  if (badPaths.length > 0) return { ok: false, paths: badPaths };
  const withoutEmpty = Object.fromEntries(
    Object.entries(candidate).filter(
      ([, inner]) => !(inner === undefined || (Array.isArray(inner) && inner.length === 0)),
    ),
  );
  const parsed = centerFactsSchema.safeParse(withoutEmpty);
  if (parsed.success) return { ok: true, facts: parsed.data };
  return { ok: false, paths: parsed.error.issues.map((issue) => issue.path.join(".")) };
}

/** The modules to check: every one that governs the chosen kind, in registry order. */
export const governing = (policies: readonly PolicySummary[], kind: PlatformKind): PolicySummary[] =>
  policies.filter((policy) => policy.kinds.includes(kind));

/* ---------- persistence: a reload loses nothing ---------- */

export const selfCheckStorageKey = "kechuang.public.selfCheck.v1";

/** Minimal storage surface so tests can pass a Map-backed stand-in for window.localStorage. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function loadValues(store: KeyValueStore | undefined): SelfCheckValues {
  const raw = store?.getItem(selfCheckStorageKey);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as SelfCheckValues)
      : {};
  } catch {
    return {};
  }
}

export function saveValues(store: KeyValueStore | undefined, values: SelfCheckValues): void {
  try {
    store?.setItem(selfCheckStorageKey, JSON.stringify(values));
  } catch {
    // A full or disabled storage only costs persistence; the check itself still works.
  }
}

export const clearValues = (store: KeyValueStore | undefined): void => store?.removeItem(selfCheckStorageKey);

/* ---------- the module's vocabulary for zone tasks ---------- */

/**
 * The demonstration tasks every governing module offers, each once (by id), in the modules' order. The self-
 * check offers these, so a zone's tasks are ids the module knows (sc-zone.tasks) rather than free text.
 */
export function taskChoicesOf(
  details: readonly ({ factChoices?: { demonstrationTasks?: readonly FactChoice[] } } | undefined)[],
): FactChoice[] {
  const seen = new Map<string, FactChoice>();
  for (const detail of details) {
    for (const task of detail?.factChoices?.demonstrationTasks ?? []) {
      if (!seen.has(task.id)) seen.set(task.id, task);
    }
  }
  return [...seen.values()];
}

/* ---------- the printable summary ---------- */

export interface SummaryRow {
  label: string;
  value: string;
}

/** What the summary needs to put facts into words, in the page's locale. */
export interface SummaryWords {
  t(key: string, options?: Record<string, unknown>): string;
  pick(text: LocalizedText): string;
  tasks: readonly FactChoice[];
}

/**
 * The facts as label/value rows for the printed summary: only what was answered (an unanswered fact is a
 * "needs information" result in the columns already), amounts in whole 元, members as name（organization）.
 */
export function summaryRows(facts: CenterFacts, words: SummaryWords): SummaryRow[] {
  const { t, pick } = words;
  const rows: SummaryRow[] = [];
  const add = (labelKey: string, value: string | undefined, options?: Record<string, unknown>) => {
    if (value !== undefined && value !== "") rows.push({ label: t(labelKey, options), value });
  };
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? undefined : t(value ? "selfCheck.yes" : "selfCheck.no");
  const yuan = (value: number | undefined) => (value === undefined ? undefined : `${groupedYuan(value)} 元`);
  const people = (members: readonly { name: string; organization?: string }[] | undefined) =>
    members?.map((m) => (m.organization ? `${m.name}（${m.organization}）` : m.name)).join("、");

  add("selfCheck.field.kind", t(`common:kind.${facts.kind}`));
  add("selfCheck.field.category", facts.category && t(`selfCheck.category.${facts.category}`));
  add("selfCheck.field.formationMode", facts.formationMode && pick(formationModeLabels[facts.formationMode]));
  add("selfCheck.field.fields", facts.fields?.join("、"));
  const lead = facts.leadUnit;
  add("selfCheck.field.leadName", lead?.name);
  add("selfCheck.field.leadType", lead?.type && pick(organizationTypeLabels[lead.type]));
  add("selfCheck.field.industryLeader", yesNo(lead?.industryLeader));
  lead?.rdExpenditureLast3Years?.forEach((value, index) => {
    add("selfCheck.field.rdYear", yuan(value), { n: index + 1 });
  });
  add("selfCheck.field.annualIncome", yuan(lead?.annualIncome));
  add("selfCheck.field.serviceIncome", yuan(lead?.technicalServiceIncome));
  add("selfCheck.field.transferCases", lead?.transferCasesInField?.toString());
  add("selfCheck.field.provincialSupport", yesNo(lead?.provincialPlatformSupport));
  add(
    "selfCheck.section.coBuild",
    facts.coBuildUnits
      ?.map((unit) => `${unit.name}（${pick(organizationTypeLabels[unit.type])}）`)
      .join("、"),
  );
  add("selfCheck.field.independent", yesNo(facts.legalEntity?.independent));
  add("selfCheck.field.registeredCapital", yuan(facts.legalEntity?.registeredCapital));
  add("selfCheck.field.hasCharter", yesNo(facts.hasCharter));
  add("selfCheck.section.board", people(facts.board?.members));
  if (facts.committee) {
    add("selfCheck.field.committeeKind", t(`selfCheck.committeeKind.${facts.committee.kind}`));
    add("selfCheck.field.isChair", people(facts.committee.chair ? [facts.committee.chair] : undefined));
    add("selfCheck.section.committee", people(facts.committee.members));
  }
  const director = [...(facts.board?.members ?? []), ...(facts.committee?.members ?? [])].find(
    (m) => m.isDirector,
  );
  add("selfCheck.field.isDirector", people(director ? [director] : undefined));
  add("selfCheck.field.directorMonths", facts.director?.monthsPerYearAtCenter?.toString());
  add("selfCheck.field.directorFullTime", yesNo(facts.director?.fullTime));
  add("selfCheck.field.fiscalSupport", yuan(facts.fiscalSupport));
  add("selfCheck.field.matchingFunds", yuan(facts.matchingRdFunds));
  const zone = facts.zone;
  add("selfCheck.field.cityBureau", yesNo(zone?.applicantIsCityBureau));
  add("selfCheck.field.siteType", zone?.siteType && t(`selfCheck.siteType.${zone.siteType}`));
  add(
    "selfCheck.field.tasks",
    zone?.demonstrationTasks
      ?.map((id) => {
        const task = words.tasks.find((choice) => choice.id === id);
        return task ? `${task.clause} ${pick(task.name)}` : id;
      })
      .join("、"),
  );
  add("selfCheck.field.indicatorCount", zone?.indicatorCount?.toString());
  return rows;
}
