import {
  type Affiliation,
  type CenterFacts,
  centerFactsSchema,
  type Expertise,
  type OrganizationType,
  type PlatformKind,
  type PolicySummary,
} from "@kechuang/domain";
import { wanToCny } from "./money";

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
