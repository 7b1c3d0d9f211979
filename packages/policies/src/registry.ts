import {
  type CenterFacts,
  type CheckResponse,
  err,
  type LocalizedText,
  type Obligation,
  ok,
  overallOutcome,
  type PolicyModule,
  type PolicySummary,
  platformKindLabels,
  type Result,
  type ScheduleInput,
} from "@kechuang/domain";
import { asPlat2021 } from "@kechuang/policy-anshun";
import { hnTic2020 } from "@kechuang/policy-hunan";
import { nmTic2020 } from "@kechuang/policy-inner-mongolia";
import { scTic2018, scZone2018 } from "@kechuang/policy-sichuan";

export interface PolicyRegistry {
  list(): PolicySummary[];
  get(id: string): PolicyModule | undefined;
  /** Runs every rule of the module that can be evaluated and applies to `facts.kind`. */
  check(id: string, facts: CenterFacts): Result<CheckResponse>;
  schedule(id: string, input: ScheduleInput): Result<Obligation[]>;
}

const unknownPolicy = (id: string): LocalizedText => ({
  zh: `没有编号为“${id}”的政策`,
  en: `There is no policy "${id}"`,
});

export function summarize(module: PolicyModule): PolicySummary {
  const { source, jurisdiction } = module;
  return {
    id: module.id,
    jurisdiction: jurisdiction.code,
    jurisdictionName: jurisdiction.name,
    title: source.title,
    issuer: source.issuer,
    ...(source.documentNumber ? { documentNumber: source.documentNumber } : {}),
    date: source.date,
    status: source.status,
    kinds: [...module.kinds],
  };
}

export function createRegistry(modules: readonly PolicyModule[]): PolicyRegistry {
  const byId = new Map<string, PolicyModule>();
  for (const module of modules) {
    // Two modules with one id would make every citation ambiguous: a wiring bug, caught at start-up.
    if (byId.has(module.id)) throw new Error(`policy module "${module.id}" is registered twice`);
    byId.set(module.id, module);
  }

  return {
    list: () => modules.map(summarize),
    get: (id) => byId.get(id),
    check(id, facts) {
      const module = byId.get(id);
      if (!module) return err(unknownPolicy(id));
      if (!module.kinds.includes(facts.kind)) {
        const kind = platformKindLabels[facts.kind];
        return err({
          zh: `政策“${module.source.title}”不适用于${kind.zh}`,
          en: `Policy ${module.id} does not govern ${kind.en}`,
        });
      }
      const results = module.rules
        .filter((rule) => rule.evaluate && rule.appliesTo.includes(facts.kind))
        .map((rule) => rule.evaluate!(facts));
      return ok({
        policyId: module.id,
        sourceStatus: module.source.status,
        outcome: overallOutcome(results),
        results,
      });
    },
    schedule(id, input) {
      const module = byId.get(id);
      return module ? ok(module.schedule(input)) : err(unknownPolicy(id));
    },
  };
}

/** Every registered module. Adding a jurisdiction = one line here plus its own package. */
export const policyModules: readonly PolicyModule[] = [
  scTic2018,
  scZone2018,
  nmTic2020,
  hnTic2020,
  asPlat2021,
];

export const registry: PolicyRegistry = createRegistry(policyModules);
