// The allocation form (Répartir): what the user chose and typed, the live preview computed by the domain,
// and the two ways out: apply to the active scenario (one undo step) or save as a new scenario.
import type { AllocationKey } from '../domain/allocation-keys';
import { ZERO } from '../domain/money';
import { err, ok, type Result } from '../domain/result';
import type { Scenario } from '../domain/types';
import type { Op } from '../domain/ops';
import type { ChangeSource } from '../storage/rows';
import { allocationLabel } from './allocation-labels';
import {
  allocationOps,
  planAllocation,
  scenarioWithPlan,
  type AllocationBase,
  type AllocationPlan,
  type PlanFigures,
  type RegionField,
  type RegionInputs,
} from './allocation-plan';

/** What the form needs from the planner (the Planner class has it). */
export interface AllocationPlanner {
  readonly scenario: Scenario;
  readonly figures: PlanFigures;
  applyOps(build: (scenario: Scenario) => Op[], label: string, source: ChangeSource): Promise<Result<void>>;
  addScenario(data: Scenario, name: string, source: ChangeSource, label: string): Promise<Result<string>>;
}

export interface FormMessage {
  kind: 'success' | 'error';
  text: string;
}

export class AllocationForm {
  readonly #planner: AllocationPlanner;
  base = $state<AllocationBase>('reserve');
  amountText = $state('');
  key = $state<AllocationKey>('fteToRenew');
  /** Rounding step in cents. */
  step = $state(100);
  regions = $state<Record<string, Partial<RegionInputs>>>({});
  newScenarioName = $state('');
  nameError = $state<string | null>(null);
  busy = $state(false);
  /** The outcome of the last apply or save. */
  message = $state<FormMessage | null>(null);

  /** The live preview, recomputed from the active scenario and the form on every change. */
  plan: AllocationPlan = $derived.by(() =>
    planAllocation(this.#planner.scenario, this.#planner.figures, {
      base: this.base,
      amountText: this.amountText,
      key: this.key,
      step: this.step,
      regions: this.regions,
    }),
  );

  constructor(planner: AllocationPlanner) {
    this.#planner = planner;
  }

  field(regionCode: string, field: RegionField): string {
    return this.regions[regionCode]?.[field] ?? '';
  }

  setField(regionCode: string, field: RegionField, text: string): void {
    const current = this.regions[regionCode];
    if (current) current[field] = text;
    else this.regions[regionCode] = { [field]: text };
  }

  /** Writes the planned envelopes into the active scenario as one change (one undo step). */
  async apply(): Promise<Result<void>> {
    const plan = this.plan;
    const refused = this.#refusal(plan);
    if (refused) return this.#fail(refused);
    const label = allocationLabel(this.base, plan.amount ?? ZERO, this.key);
    let stale = false;
    this.busy = true;
    try {
      const r = await this.#planner.applyOps(
        (scenario) => {
          // Another write went first: the preview no longer describes this scenario.
          if (scenario !== plan.scenario) stale = true;
          return stale ? [] : allocationOps(scenario, plan);
        },
        label,
        'allocation',
      );
      if (!r.ok) return this.#fail(r.message);
      if (stale)
        return this.#fail('Le scénario a changé pendant l’application : vérifiez l’aperçu puis recommencez.');
      const n = plan.changedCount;
      this.message = {
        kind: 'success',
        text: `Répartition appliquée au scénario actif : ${n} enveloppe${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''}. « Annuler » en haut de la page la défait en une fois.`,
      };
      return ok(undefined);
    } finally {
      this.busy = false;
    }
  }

  /** Stores the scenario with the planned envelopes as a new scenario named by the user, and activates it. */
  async saveAsScenario(): Promise<Result<string>> {
    const plan = this.plan;
    const refused = this.#refusal(plan, true);
    if (refused) return this.#fail(refused);
    const name = this.newScenarioName.trim();
    if (name === '') {
      // Said on the name field itself, not twice.
      this.nameError = 'Nom du nouveau scénario vide : donnez-lui un nom.';
      this.message = null;
      return err(this.nameError);
    }
    this.nameError = null;
    this.busy = true;
    try {
      const label = `${allocationLabel(this.base, plan.amount ?? ZERO, this.key)} enregistrée comme scénario`;
      const r = await this.#planner.addScenario(
        scenarioWithPlan(plan.scenario, plan),
        name,
        'allocation',
        label,
      );
      if (!r.ok) return this.#fail(r.message);
      this.message = {
        kind: 'success',
        text: `Scénario « ${name} » créé avec la répartition ; il est maintenant actif.`,
      };
      this.newScenarioName = '';
      return r;
    } finally {
      this.busy = false;
    }
  }

  #refusal(plan: AllocationPlan, allowUnchanged = false): string | null {
    if (this.busy) return 'Une opération est déjà en cours.';
    if (plan.error !== null) return plan.error;
    if (!allowUnchanged && plan.changedCount === 0) return 'Aucune enveloppe ne change : rien à appliquer.';
    return null;
  }

  #fail<T>(message: string): Result<T> {
    this.message = { kind: 'error', text: message };
    return err(message);
  }
}
