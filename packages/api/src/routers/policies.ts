import {
  type CheckResponse,
  centerFactsSchema,
  type FactChoice,
  type LocalizedText,
  type Obligation,
  type PolicyModule,
  type PolicySource,
  type PolicySummary,
  policyIdSchema,
  type RecommendationPolicy,
  type RuleImplementation,
  scheduleInputSchema,
} from "@kechuang/domain";
import { registry, summarize } from "@kechuang/policies";
import { z } from "zod";
import { appError, messages } from "../errors";
import { publicProcedure, router } from "../trpc";

export const policyRefSchema = z.object({ policyId: policyIdSchema });
export const checkInputSchema = z.object({ policyId: policyIdSchema, facts: centerFactsSchema });
export const scheduleQueryInputSchema = scheduleInputSchema.extend({ policyId: policyIdSchema });

export interface PolicyDetail {
  summary: PolicySummary;
  source: PolicySource;
  rules: Array<{
    id: string;
    title: { zh: string; en: string };
    citation: { source: string; clause: string; quote: string };
    implementedBy: RuleImplementation;
    appliesTo: string[];
  }>;
  /** Whom an application may name as its recommender (the start dialog offers these); null: no one recommends. */
  recommendation: RecommendationPolicy | null;
  /** The module's own vocabulary for facts it defines (Sichuan's demonstration tasks): forms offer these. */
  factChoices: { demonstrationTasks: FactChoice[] };
  /** Where the module fills a gap the source leaves (Anshun's pool entry procedure): said to every reader. */
  localSetting: LocalizedText | null;
}

function moduleOrNotFound(policyId: string): PolicyModule {
  const module = registry.get(policyId);
  if (!module) throw appError("NOT_FOUND", messages.unknownPolicy(policyId));
  return module;
}

export const policiesRouter = router({
  list: publicProcedure.query((): PolicySummary[] => registry.list()),

  /** The policy library: the source's clauses and every rule with its citation. */
  get: publicProcedure.input(policyRefSchema).query(({ input }): PolicyDetail => {
    const module = moduleOrNotFound(input.policyId);
    return {
      summary: summarize(module),
      source: module.source,
      rules: module.rules.map((rule) => ({
        id: rule.id,
        title: rule.title,
        citation: rule.citation,
        implementedBy: rule.implementedBy,
        appliesTo: [...rule.appliesTo],
      })),
      recommendation: module.recommendation ?? null,
      factChoices: { demonstrationTasks: [...(module.factChoices?.demonstrationTasks ?? [])] },
      localSetting: module.register?.localSetting ?? null,
    };
  }),

  /** A state-less eligibility check (a mutation only because facts can be large). */
  check: publicProcedure.input(checkInputSchema).mutation(({ input }): CheckResponse => {
    moduleOrNotFound(input.policyId);
    const result = registry.check(input.policyId, input.facts);
    if (!result.ok) throw appError("BAD_REQUEST", result.error);
    return result.value;
  }),

  schedule: publicProcedure.input(scheduleQueryInputSchema).query(({ input }): Obligation[] => {
    moduleOrNotFound(input.policyId);
    const result = registry.schedule(input.policyId, { approvedOn: input.approvedOn, years: input.years });
    if (!result.ok) throw appError("BAD_REQUEST", result.error);
    return result.value;
  }),
});
