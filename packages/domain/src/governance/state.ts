import { z } from "zod";
import {
  affiliationSchema,
  type CenterFacts,
  expertiseSchema,
  formationModeSchema,
  organizationTypeSchema,
} from "../facts";

/**
 * A platform's governance as records (issue 11): who sits on its board and committee, who directs it, which
 * units build it, and the attributes a change may touch (name, location, research direction, formation mode).
 * On approval the application's facts become the first state; every later state comes from a change request.
 * The store keeps each membership with its dates, so the state on any past day has one answer.
 */

export const governanceMemberSchema = z.object({
  name: z.string().trim().min(1).max(100),
  organization: z.string().trim().max(200).optional(),
  /** Relative to the platform: the rules count lead and co-build unit members (nm-tic.committee-outsiders). */
  affiliation: affiliationSchema,
  expertise: expertiseSchema.optional(),
  /** The center's director sits on Inner Mongolia's committee (nm-tic.committee-makeup). */
  isDirector: z.boolean().optional(),
});
export type GovernanceMember = z.infer<typeof governanceMemberSchema>;

export const leadUnitSchema = z.object({
  name: z.string().trim().min(1).max(200),
  type: organizationTypeSchema.optional(),
});
export type LeadUnit = z.infer<typeof leadUnitSchema>;

/** A co-build unit's type is counted by rules (hn-tic.academia-*), so it is always given. */
export const coBuildUnitSchema = z.object({
  name: z.string().trim().min(1).max(200),
  type: organizationTypeSchema,
});
export type CoBuildUnit = z.infer<typeof coBuildUnitSchema>;

export const committeeKindSchema = z.enum(["expert-committee", "tech-guidance-committee"]);
export type CommitteeKind = z.infer<typeof committeeKindSchema>;

export const governanceCommitteeSchema = z.object({
  kind: committeeKindSchema,
  chair: governanceMemberSchema.nullable(),
  members: z.array(governanceMemberSchema).max(200),
});
export type GovernanceCommittee = z.infer<typeof governanceCommitteeSchema>;

export const governanceDirectorSchema = z.object({
  name: z.string().trim().min(1).max(100),
  organization: z.string().trim().max(200).optional(),
  fullTime: z.boolean().optional(),
  /** nm-tic.director-time "不少于9个月". */
  monthsPerYearAtCenter: z.number().int().min(0).max(12).optional(),
});
export type GovernanceDirector = z.infer<typeof governanceDirectorSchema>;

/** The parts of a platform the governance rules read, as they stand on one day. */
export const governanceStateSchema = z.object({
  leadUnit: leadUnitSchema.nullable(),
  coBuildUnits: z.array(coBuildUnitSchema).max(100),
  board: z.array(governanceMemberSchema).max(200),
  committee: governanceCommitteeSchema.nullable(),
  director: governanceDirectorSchema.nullable(),
});
export type GovernanceState = z.infer<typeof governanceStateSchema>;

/** A platform's own attributes a change may touch; they live on the platform row, their history in changes. */
export const platformAttributesSchema = z.object({
  name: z.string().trim().min(1).max(200),
  location: z.string().trim().max(200).nullable(),
  fields: z.array(z.string().trim().min(1).max(50)).max(30),
  formationMode: formationModeSchema.nullable(),
});
export type PlatformAttributes = z.infer<typeof platformAttributesSchema>;

export const emptyGovernanceState: GovernanceState = {
  leadUnit: null,
  coBuildUnits: [],
  board: [],
  committee: null,
  director: null,
};

const member = (m: NonNullable<CenterFacts["board"]>["members"][number]): GovernanceMember => ({
  name: m.name,
  affiliation: m.affiliation,
  ...(m.organization ? { organization: m.organization } : {}),
  ...(m.expertise ? { expertise: m.expertise } : {}),
  ...(m.isDirector ? { isDirector: true } : {}),
});

/**
 * The first state, from the facts the platform was approved on. The facts name the director only as a flag on
 * a member row (and the time rules on `director`); the row so marked gives the director's name.
 */
export function governanceStateFromFacts(facts: CenterFacts, leadUnitName: string | null): GovernanceState {
  const committee = facts.committee;
  const rows = [...(facts.board?.members ?? []), ...(committee?.members ?? []), committee?.chair];
  const directorRow = rows.find((m) => m?.isDirector === true);
  const name = facts.leadUnit?.name ?? leadUnitName;
  return {
    leadUnit: name ? { name, ...(facts.leadUnit?.type ? { type: facts.leadUnit.type } : {}) } : null,
    coBuildUnits: (facts.coBuildUnits ?? []).map((u) => ({ name: u.name, type: u.type })),
    board: (facts.board?.members ?? []).map(member),
    committee: committee
      ? {
          kind: committee.kind,
          chair: committee.chair ? member(committee.chair) : null,
          members: committee.members.map(member),
        }
      : null,
    director: directorRow
      ? {
          name: directorRow.name,
          ...(directorRow.organization ? { organization: directorRow.organization } : {}),
          ...(facts.director?.fullTime !== undefined ? { fullTime: facts.director.fullTime } : {}),
          ...(facts.director?.monthsPerYearAtCenter !== undefined
            ? { monthsPerYearAtCenter: facts.director.monthsPerYearAtCenter }
            : {}),
        }
      : null,
  };
}

/**
 * The facts the rules read after a change: the approved facts with the governance and attributes overlaid.
 * Everything a change cannot touch (R&D spending, funds, the charter) stays as approved.
 */
export function factsWithGovernance(
  facts: CenterFacts,
  state: GovernanceState,
  attributes?: Pick<PlatformAttributes, "fields" | "formationMode">,
): CenterFacts {
  const director = state.director;
  return {
    ...facts,
    ...(attributes ? { fields: attributes.fields } : {}),
    ...(attributes?.formationMode ? { formationMode: attributes.formationMode } : {}),
    leadUnit: state.leadUnit
      ? {
          ...facts.leadUnit,
          name: state.leadUnit.name,
          ...(state.leadUnit.type ? { type: state.leadUnit.type } : {}),
        }
      : facts.leadUnit,
    coBuildUnits: state.coBuildUnits,
    board: { members: state.board },
    ...(state.committee
      ? {
          committee: {
            kind: state.committee.kind,
            members: state.committee.members,
            ...(state.committee.chair ? { chair: state.committee.chair } : {}),
          },
        }
      : {}),
    director: director
      ? {
          ...(director.fullTime !== undefined ? { fullTime: director.fullTime } : {}),
          ...(director.monthsPerYearAtCenter !== undefined
            ? { monthsPerYearAtCenter: director.monthsPerYearAtCenter }
            : {}),
        }
      : facts.director,
  };
}
