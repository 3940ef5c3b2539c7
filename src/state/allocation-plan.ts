// The allocation helper's plan (no runes, no I/O): the form's texts read in French, weights from the chosen
// key, the domain's allocate(), and the preview of new vs current envelope per region with exact totals.
// Splitting the reserve or a given amount ADDS each share to the current envelope; splitting the whole
// national envelope REPLACES the envelopes by the shares.
import { allocate, type AllocationShareInput } from '../domain/allocation';
import {
  currentFteWeights,
  equalWeights,
  fteToRenewWeights,
  type AllocationKey,
} from '../domain/allocation-keys';
import { formatEuros } from '../domain/format-fr';
import type { Cents } from '../domain/money';
import { parseFrenchAmount, parseFrenchNumber } from '../domain/parse-fr';
import { regionByCode } from '../domain/reference/regions';
import type { RegionBudget, Role, Scenario } from '../domain/types';
import type { RegionOp } from '../domain/ops';

/** The figures a plan reads (the planner's `figures` has them). */
export interface PlanFigures {
  national: { reserve: Cents };
  regionByCode: ReadonlyMap<string, { fteByRole: Readonly<Record<Role, number>> }>;
}

/** What is split: the unallotted reserve, the whole national envelope, or an amount typed by the user. */
export type AllocationBase = 'reserve' | 'envelope' | 'amount';

/** Texts typed for one region (empty = none). */
export interface RegionInputs {
  fixed: string;
  floor: string;
  ceiling: string;
  indicator: string;
}
export type RegionField = keyof RegionInputs;

export interface AllocationInputs {
  base: AllocationBase;
  /** The amount typed when `base` is `amount`. */
  amountText: string;
  key: AllocationKey;
  /** Rounding step in cents (100 = 1 €). */
  step: number;
  regions: Readonly<Record<string, Partial<RegionInputs>>>;
}

export interface PlanRow {
  regionCode: string;
  name: string;
  current: Cents;
  /** The key's weight (ETP in hundredths, the indicator, or 1). */
  weight: number;
  /** Null while the plan has an error. */
  newEnvelope: Cents | null;
  delta: Cents | null;
}

export interface AllocationPlan {
  /** The scenario value the plan was computed on (applying checks it has not changed since). */
  scenario: Scenario;
  /** Amount split, in cents; null when unreadable. */
  amount: Cents | null;
  rows: PlanRow[];
  totals: { current: Cents; weight: number; newEnvelope: Cents | null; delta: Cents | null };
  /** Field id (`amount`, `fixed:06`, `indicator:76`…) → French message. */
  fieldErrors: Readonly<Record<string, string>>;
  /** Why there is no preview (fields to correct, or the allocation refused), in French. */
  error: string | null;
  /** True when `error` only says a required value is not typed yet (not shown as an error). */
  incomplete: boolean;
  /** Something to know that is not an error (e.g. nothing left in the reserve), in French. */
  notice: string | null;
  /** Regions whose envelope the plan changes. */
  changedCount: number;
}

export const fieldId = (field: RegionField | 'amount', regionCode?: string): string =>
  regionCode === undefined ? field : `${field}:${regionCode}`;

/** An optional amount: empty → null; negative or unreadable → an error on the field. */
function readOptionalAmount(text: string, id: string, errors: Record<string, string>): Cents | null {
  if (text.trim() === '') return null;
  const r = parseFrenchAmount(text);
  if (!r.ok) errors[id] = r.message;
  else if (r.value < 0) errors[id] = `montant négatif « ${text.trim()} »`;
  else return r.value;
  return null;
}

function amountOf(
  scenario: Scenario,
  figures: PlanFigures,
  inputs: AllocationInputs,
  errors: Record<string, string>,
) {
  if (inputs.base === 'envelope') return scenario.campaign.nationalEnvelope;
  if (inputs.base === 'reserve') {
    const reserve = figures.national.reserve;
    if (reserve < 0) {
      errors.amount = `La réserve est négative : les enveloppes régionales dépassent l’enveloppe nationale de ${formatEuros(-reserve as Cents)}. Répartissez plutôt toute l’enveloppe nationale.`;
      return null;
    }
    return reserve;
  }
  // Not typed yet: no preview, but nothing to flag either (see `incomplete`).
  if (inputs.amountText.trim() === '') return null;
  return readOptionalAmount(inputs.amountText, 'amount', errors);
}

function weightsOf(
  scenario: Scenario,
  figures: PlanFigures,
  inputs: AllocationInputs,
  errors: Record<string, string>,
) {
  const codes = scenario.regions.map((r) => r.regionCode);
  if (inputs.key === 'equal') return equalWeights(codes);
  if (inputs.key === 'currentFte') return currentFteWeights(codes, figures.regionByCode);
  if (inputs.key === 'fteToRenew')
    return fteToRenewWeights(codes, scenario.positions, scenario.campaign.rules, scenario.campaign.year + 1);
  return codes.map((code) => {
    const text = inputs.regions[code]?.indicator ?? '';
    if (text.trim() === '') return 0;
    const r = parseFrenchNumber(text, 'indicateur');
    const id = fieldId('indicator', code);
    if (!r.ok) errors[id] = r.message;
    else if (r.value < 0) errors[id] = `indicateur négatif « ${text.trim()} »`;
    else return r.value;
    return 0;
  });
}

/** The per-region shares for allocate(): the key's weight and the fixed amount, floor and ceiling typed. */
function sharesOf(
  scenario: Scenario,
  inputs: AllocationInputs,
  weights: readonly number[],
  errors: Record<string, string>,
): AllocationShareInput[] {
  return scenario.regions.map((r, i) => {
    const typed = inputs.regions[r.regionCode] ?? {};
    const read = (field: RegionField) =>
      readOptionalAmount(typed[field] ?? '', fieldId(field, r.regionCode), errors);
    const [fixed, floor, ceiling] = [read('fixed'), read('floor'), read('ceiling')];
    return { regionCode: r.regionCode, weight: weights[i] ?? 0, fixed, floor, ceiling };
  });
}

/** A plan with the current envelopes and no preview yet. */
function blankPlan(scenario: Scenario, amount: Cents | null, weights: readonly number[]): AllocationPlan {
  const rows: PlanRow[] = scenario.regions.map((r, i) => ({
    regionCode: r.regionCode,
    name: regionByCode(r.regionCode)?.name ?? r.regionCode,
    current: r.envelope,
    weight: weights[i] ?? 0,
    newEnvelope: null,
    delta: null,
  }));
  const totals = {
    current: rows.reduce((a, r) => a + r.current, 0) as Cents,
    weight: weights.reduce((a, w) => a + w, 0),
    newEnvelope: null,
    delta: null,
  };
  return {
    scenario,
    amount,
    rows,
    totals,
    fieldErrors: {},
    error: null,
    incomplete: false,
    notice: null,
    changedCount: 0,
  };
}

/** Fills new envelopes and deltas from the shares: added to the current envelope, or replacing it. */
function fillPreview(plan: AllocationPlan, shares: readonly number[], adds: boolean): void {
  plan.rows.forEach((row, i) => {
    const share = shares[i] ?? 0;
    row.newEnvelope = (adds ? row.current + share : share) as Cents;
    row.delta = (row.newEnvelope - row.current) as Cents;
  });
  plan.totals.newEnvelope = plan.rows.reduce((a, r) => a + (r.newEnvelope ?? 0), 0) as Cents;
  plan.totals.delta = plan.rows.reduce((a, r) => a + (r.delta ?? 0), 0) as Cents;
  plan.changedCount = plan.rows.filter((r) => r.delta !== 0).length;
}

/** The preview: new and current envelope per region, deltas and totals, or the reason there is none. */
export function planAllocation(
  scenario: Scenario,
  figures: PlanFigures,
  inputs: AllocationInputs,
): AllocationPlan {
  const errors: Record<string, string> = {};
  const amount = amountOf(scenario, figures, inputs, errors);
  const weights = weightsOf(scenario, figures, inputs, errors);
  const shares = sharesOf(scenario, inputs, weights, errors);
  const plan = blankPlan(scenario, amount, weights);
  plan.fieldErrors = errors;
  const errorCount = Object.keys(errors).length;
  if (amount === null && errorCount === 0) {
    plan.error = 'Saisissez le montant à répartir.';
    plan.incomplete = true;
  } else if (amount === null || errorCount > 0) {
    plan.error =
      errorCount === 1 && errors.amount
        ? errors.amount
        : `Corrigez ${errorCount === 1 ? 'le champ signalé' : `les ${errorCount} champs signalés`} pour voir l’aperçu.`;
  } else if (inputs.base === 'reserve' && amount === 0) {
    // Nothing left to split (e.g. just after applying): not an error, whatever fixed amounts are typed.
    fillPreview(plan, [], true);
    plan.notice = 'La réserve est entièrement répartie : rien à répartir.';
  } else {
    const result = allocate({ amount, step: inputs.step as Cents, shares });
    if (result.ok)
      fillPreview(
        plan,
        result.value.map((s) => s.amount),
        inputs.base !== 'envelope',
      );
    else plan.error = result.message;
  }
  return plan;
}

/** The region ops that give each region its planned envelope (regions that do not change are left out). */
export function allocationOps(scenario: Scenario, plan: AllocationPlan): RegionOp[] {
  const planned = new Map(plan.rows.map((r) => [r.regionCode, r.newEnvelope]));
  const ops: RegionOp[] = [];
  for (const before of scenario.regions) {
    const envelope = planned.get(before.regionCode);
    if (envelope === null || envelope === undefined || envelope === before.envelope) continue;
    const after: RegionBudget = { ...before, envelope };
    ops.push({ entity: 'region', id: before.regionCode, before, after });
  }
  return ops;
}

/** The scenario's data with the planned envelopes (to store as a new scenario). */
export function scenarioWithPlan(scenario: Scenario, plan: AllocationPlan): Scenario {
  const planned = new Map(plan.rows.map((r) => [r.regionCode, r.newEnvelope]));
  return {
    ...scenario,
    regions: scenario.regions.map((r) => ({ ...r, envelope: planned.get(r.regionCode) ?? r.envelope })),
  };
}
