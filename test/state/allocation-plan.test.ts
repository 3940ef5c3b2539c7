// The allocation plan: what is split, adds vs replaces, exact totals, fixed amounts, floors, ceilings, the
// French errors on unreadable fields, and the ops / scenario it produces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationKey } from '../../src/domain/allocation-keys';
import { demoScenario } from '../../src/domain/demo';
import { eurosToCents as e, type Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import type { Scenario } from '../../src/domain/types';
import {
  allocationOps,
  planAllocation,
  scenarioWithPlan,
  type AllocationInputs,
  type RegionInputs,
} from '../../src/state/allocation-plan';

const demo = demoScenario('2026-11-22T00:00:00.000Z');
const demoFigures = recompute(demo);
const RESERVE = e(310_000);

function inputs(overrides: Partial<AllocationInputs> = {}): AllocationInputs {
  return { base: 'reserve', amountText: '', key: 'equal', step: 100, regions: {}, ...overrides };
}

function plan(overrides: Partial<AllocationInputs> = {}, scenario: Scenario = demo) {
  return planAllocation(scenario, scenario === demo ? demoFigures : recompute(scenario), inputs(overrides));
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
const row = (p: ReturnType<typeof plan>, code: string) => p.rows.find((r) => r.regionCode === code)!;

describe('planAllocation — what is split, and how it meets the current envelopes', () => {
  it('the demo reserve is 310 000 €', () => {
    expect(demoFigures.national.reserve).toBe(RESERVE);
  });

  const keys: AllocationKey[] = ['equal', 'currentFte', 'fteToRenew'];
  const steps = [100, 10_000, 100_000];
  const combos = keys.flatMap((key) => steps.map((step) => ({ key, step })));

  it.each(combos)(
    'reserve, key $key, step $step: adds to each envelope, Σ deltas = reserve',
    ({ key, step }) => {
      const p = plan({ key, step });
      expect(p.error).toBeNull();
      expect(p.amount).toBe(RESERVE);
      expect(p.totals.delta).toBe(RESERVE);
      expect(sum(p.rows.map((r) => r.delta))).toBe(RESERVE);
      expect(p.totals.newEnvelope).toBe(demo.campaign.nationalEnvelope);
      for (const r of p.rows) {
        expect(r.newEnvelope).toBe(r.current + (r.delta ?? NaN));
        expect(r.delta).toBeGreaterThanOrEqual(0);
      }
    },
  );

  it.each(combos)(
    'whole envelope, key $key, step $step: replaces, Σ new = national envelope',
    ({ key, step }) => {
      const p = plan({ base: 'envelope', key, step });
      expect(p.error).toBeNull();
      expect(p.totals.newEnvelope).toBe(e(4_700_000));
      expect(sum(p.rows.map((r) => r.newEnvelope))).toBe(e(4_700_000));
      expect(p.totals.delta).toBe(RESERVE);
      const shares = p.rows.map((r) => r.newEnvelope ?? 0);
      // Rounded to the step, except the sub-step residue on one share.
      expect(shares.filter((s) => s % step !== 0).length).toBeLessThanOrEqual(1);
    },
  );

  it('equal shares of the whole envelope at 1 € differ by at most 1 €', () => {
    const shares = plan({ base: 'envelope' }).rows.map((r) => r.newEnvelope ?? 0);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(100);
  });

  it.each([
    { text: '150 000', amount: e(150_000) },
    { text: '150 000,55 €', amount: 15_000_055 as Cents },
    { text: '0', amount: 0 as Cents },
  ])('an amount typed « $text » is added, Σ deltas = $amount cents', ({ text, amount }) => {
    const p = plan({ base: 'amount', amountText: text });
    expect(p.error).toBeNull();
    expect(p.totals.delta).toBe(amount);
    expect(p.changedCount).toBe(amount === 0 ? 0 : 18);
  });

  it('the pro rata of current ETP follows the figures', () => {
    const p = plan({ key: 'currentFte', step: 100 });
    const occ = row(p, '76');
    const fte = demoFigures.regionByCode.get('76')!.fteByRole;
    expect(occ.weight).toBe(fte.facilitateur + fte.coordinateur);
    const totalWeight = p.rows.reduce((a, r) => a + r.weight, 0);
    expect(Math.abs((occ.delta ?? 0) - (RESERVE * occ.weight) / totalWeight)).toBeLessThanOrEqual(100);
  });
});

describe('planAllocation — fixed amounts, floors and ceilings (on each region’s share)', () => {
  const regions = (code: string, r: Partial<RegionInputs>) => ({ [code]: r });
  it.each([
    { base: 'reserve' as const, expectNew: (cur: number) => cur + e(40_000) },
    { base: 'envelope' as const, expectNew: () => e(40_000) },
  ])('a fixed amount for Mayotte ($base) is given as is', ({ base, expectNew }) => {
    const p = plan({ base, step: 100_000, regions: regions('06', { fixed: '40 000' }) });
    expect(p.error).toBeNull();
    const mayotte = row(p, '06');
    expect(mayotte.newEnvelope).toBe(expectNew(mayotte.current));
    expect(p.totals.delta).toBe(RESERVE);
  });

  it('floors and ceilings bound the shares, the total stays exact', () => {
    const p = plan({
      key: 'currentFte',
      regions: { '11': { ceiling: '20 000' }, '06': { floor: '30 000' } },
    });
    expect(p.error).toBeNull();
    expect(row(p, '11').delta).toBeLessThanOrEqual(e(20_000));
    expect(row(p, '06').delta).toBeGreaterThanOrEqual(e(30_000));
    expect(p.totals.delta).toBe(RESERVE);
  });

  it('a custom indicator splits pro rata; an empty box counts for 0', () => {
    const p = plan({ key: 'custom', regions: { '76': { indicator: '3' }, '11': { indicator: '1,5' } } });
    expect(p.error).toBeNull();
    expect(row(p, '76').delta).toBe(e(206_667));
    expect(row(p, '11').delta).toBe(e(103_333));
    expect(row(p, '06').delta).toBe(0);
  });

  it('a custom indicator written with thousands dots reads as thousands', () => {
    const p = plan({
      key: 'custom',
      regions: { '76': { indicator: '2.000.000' }, '11': { indicator: '1.000.000,0' } },
    });
    expect(p.error).toBeNull();
    expect(row(p, '76').delta).toBe(e(206_667));
    expect(row(p, '11').delta).toBe(e(103_333));
  });
});

describe('planAllocation — errors, in French', () => {
  it.each<{ name: string; over: Partial<AllocationInputs>; field: string; message: string }>([
    {
      name: 'unreadable fixed amount',
      over: { regions: { '06': { fixed: '12,5 k€' } } },
      field: 'fixed:06',
      message: 'montant illisible « 12,5 k€ »',
    },
    {
      name: 'negative floor',
      over: { regions: { '76': { floor: '-5 000' } } },
      field: 'floor:76',
      message: 'montant négatif « -5 000 »',
    },
    {
      name: 'unreadable indicator',
      over: { key: 'custom', regions: { '76': { indicator: 'beaucoup' } } },
      field: 'indicator:76',
      message: 'indicateur illisible « beaucoup »',
    },
    {
      name: 'indicator with a lone dot before three digits (31 500 or 31,5?)',
      over: { key: 'custom', regions: { '76': { indicator: '31.500' } } },
      field: 'indicator:76',
      message:
        'indicateur illisible « 31.500 » : point ambigu (milliers ou décimales ?) : écrire 31 500 ou 31,5',
    },
    {
      name: 'unreadable amount',
      over: { base: 'amount', amountText: '15 k€' },
      field: 'amount',
      message: 'montant illisible « 15 k€ »',
    },
  ])('$name: flagged on its field, no preview', ({ over, field, message }) => {
    const p = plan(over);
    expect(p.fieldErrors[field]).toBe(message);
    expect(p.error).not.toBeNull();
    expect(p.rows.every((r) => r.newEnvelope === null)).toBe(true);
    expect(p.totals.delta).toBeNull();
  });

  it('an amount not typed yet: no preview and nothing flagged', () => {
    const p = plan({ base: 'amount', amountText: '  ' });
    expect(p.error).toBe('Saisissez le montant à répartir.');
    expect(p.incomplete).toBe(true);
    expect(p.fieldErrors).toEqual({});
    expect(p.totals.delta).toBeNull();
  });

  it.each<{ over: Partial<AllocationInputs>; message: RegExp }>([
    {
      over: { regions: { '06': { fixed: '400 000' } } },
      message: /Les montants fixes .* dépassent le montant à répartir/,
    },
    { over: { key: 'custom' }, message: /clé de répartition est nulle/ },
    {
      over: {
        key: 'custom',
        regions: { '76': { indicator: '1' + '0'.repeat(48) }, '11': { indicator: '1' } },
      },
      message: /^Clés de répartition trop écartées : celle de la région 76 .* la région 11/,
    },
    {
      over: { regions: { '06': { floor: '50 000' }, '76': { ceiling: '10 000', floor: '20 000' } } },
      message: /Plancher supérieur au plafond/,
    },
  ])('the domain refuses: $message', ({ over, message }) => {
    const p = plan(over);
    expect(p.error).toMatch(message);
    expect(p.changedCount).toBe(0);
  });

  it('a negative reserve says so and points to the whole envelope', () => {
    const over = {
      ...demo,
      regions: demo.regions.map((r) => (r.regionCode === '11' ? { ...r, envelope: e(1_200_000) } : r)),
    };
    const p = plan({}, over);
    expect(p.error?.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'La réserve est négative : les enveloppes régionales dépassent l’enveloppe nationale de 110 000,00 €. Répartissez plutôt toute l’enveloppe nationale.',
    );
  });
});

describe('planAllocation — an empty reserve', () => {
  it('is not an error, even with a fixed amount typed: nothing changes', () => {
    const full = { ...demo, campaign: { ...demo.campaign, nationalEnvelope: e(4_390_000) } };
    const p = plan({ regions: { '06': { fixed: '40 000' } } }, full);
    expect(p.error).toBeNull();
    expect(p.notice).toBe('La réserve est entièrement répartie : rien à répartir.');
    expect(p.totals.delta).toBe(0);
    expect(p.changedCount).toBe(0);
    expect(allocationOps(full, p)).toEqual([]);
  });
});

describe('allocationOps and scenarioWithPlan', () => {
  it('one region op per changed envelope, before → after', () => {
    const p = plan({ key: 'custom', regions: { '76': { indicator: '1' } } });
    const ops = allocationOps(demo, p);
    expect(ops).toHaveLength(1);
    const before = demo.regions.find((r) => r.regionCode === '76')!;
    expect(ops[0]).toEqual({
      entity: 'region',
      id: '76',
      before,
      after: { ...before, envelope: before.envelope + RESERVE },
    });
  });

  it('nothing for a plan in error', () => {
    expect(allocationOps(demo, plan({ base: 'amount' }))).toEqual([]);
  });

  it('the new scenario data has the planned envelopes and the rest unchanged', () => {
    const p = plan({ base: 'envelope', key: 'equal' });
    const data = scenarioWithPlan(demo, p);
    expect(data.regions.map((r) => r.envelope)).toEqual(p.rows.map((r) => r.newEnvelope));
    expect(data.positions).toBe(demo.positions);
    expect(demo.regions.map((r) => r.envelope)).toEqual(p.rows.map((r) => r.current));
  });
});

describe('planAllocation — property: any readable inputs keep the total to the cent', () => {
  it('Σ deltas = amount (adds) or Σ new envelopes = amount (replaces)', () => {
    const codes = demo.regions.map((r) => r.regionCode);
    fc.assert(
      fc.property(
        fc.constantFrom('reserve' as const, 'envelope' as const, 'amount' as const),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(100, 10_000, 100_000),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 18, maxLength: 18 }),
        fc.option(fc.integer({ min: 0, max: 18 }), { nil: null }),
        (base, amountCents, step, weights, fixedIndex) => {
          const regions: Record<string, Partial<RegionInputs>> = {};
          codes.forEach((code, i) => (regions[code] = { indicator: String(weights[i]) }));
          const fixedCode = fixedIndex === null ? undefined : codes[fixedIndex];
          if (fixedCode) regions[fixedCode] = { ...regions[fixedCode], fixed: '1 234,56' };
          const amountText = `${Math.floor(amountCents / 100)},${String(amountCents % 100).padStart(2, '0')}`;
          const p = plan({ base, key: 'custom', step, amountText, regions });
          if (p.error !== null) return;
          const amount = p.amount!;
          if (base === 'envelope') expect(p.totals.newEnvelope).toBe(amount);
          else expect(p.totals.delta).toBe(amount);
          if (fixedCode) {
            const r = row(p, fixedCode);
            expect(base === 'envelope' ? r.newEnvelope : r.delta).toBe(123_456);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
