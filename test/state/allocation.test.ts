// The allocation form over a real (fake) IndexedDB planner: apply as one undo step, save as a new scenario,
// refusals that write nothing, and a preview that no longer matches the scenario.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { eurosToCents as e } from '../../src/domain/money';
import { ok } from '../../src/domain/result';
import type { Scenario } from '../../src/domain/types';
import { AllocationForm, type AllocationPlanner } from '../../src/state/allocation.svelte';
import { Planner } from '../../src/state/planner.svelte';
import { recompute } from '../../src/domain/recompute';
import { demoScenario } from '../../src/domain/demo';

let counter = 0;
async function started(): Promise<Planner> {
  const planner = new Planner();
  await planner.start(`allocation-${++counter}`);
  return planner;
}

const envelopes = (s: Scenario) => s.regions.map((r) => r.envelope);

describe('AllocationForm with the planner', () => {
  it('applies the reserve split as one undo step; undo restores every envelope', async () => {
    const planner = await started();
    const before = envelopes(planner.scenario);
    const form = new AllocationForm(planner);
    form.key = 'equal';
    form.step = 100_000;
    form.setField('06', 'fixed', '40 000');
    expect(form.plan.totals.delta).toBe(e(310_000));

    const r = await form.apply();
    expect(r.ok).toBe(true);
    expect(form.message?.kind).toBe('success');
    expect(planner.figures.national.reserve).toBe(0);
    expect(planner.figures.national.allotted).toBe(e(4_700_000));
    expect(planner.figures.regionByCode.get('06')!.envelope).toBe(e(20_000 + 40_000));
    expect(planner.undoLabel?.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Répartition de la réserve (310 000,00 €, parts égales)',
    );
    const log = await planner.recentChanges(50);
    expect(new Set(log.filter((c) => c.source === 'allocation').map((c) => c.entityId)).size).toBe(18);

    // The preview now shows nothing left to split, and applying again is refused without writing.
    expect(form.plan.changedCount).toBe(0);
    expect((await form.apply()).ok).toBe(false);

    await planner.undo();
    expect(envelopes(planner.scenario)).toEqual(before);
    expect(planner.figures.national.reserve).toBe(e(310_000));
  });

  it('replaces the envelopes when splitting the whole national envelope', async () => {
    const planner = await started();
    const form = new AllocationForm(planner);
    form.base = 'envelope';
    form.key = 'currentFte';
    form.setField('94', 'floor', '50 000');
    expect((await form.apply()).ok).toBe(true);
    expect(planner.figures.national.allotted).toBe(e(4_700_000));
    expect(planner.figures.regionByCode.get('94')!.envelope).toBeGreaterThanOrEqual(e(50_000));
  });

  it('saves as a new active scenario and leaves the original untouched', async () => {
    const planner = await started();
    const originalId = planner.scenario.id;
    const original = envelopes(planner.scenario);
    const form = new AllocationForm(planner);
    form.key = 'fteToRenew';

    expect((await form.saveAsScenario()).ok).toBe(false);
    expect(form.nameError).toBe('Nom du nouveau scénario vide : donnez-lui un nom.');
    expect(planner.scenario.id).toBe(originalId);

    form.newScenarioName = '  Répartition par ETP à renouveler ';
    const r = await form.saveAsScenario();
    expect(r.ok).toBe(true);
    expect(planner.scenario.id).not.toBe(originalId);
    expect(planner.scenario.name).toBe('Répartition par ETP à renouveler');
    expect(planner.figures.national.reserve).toBe(0);
    expect(planner.scenarios.map((s) => s.name)).toContain('Répartition par ETP à renouveler');
    expect(envelopes((await planner.readScenario(originalId))!)).toEqual(original);
    expect(form.newScenarioName).toBe('');
  });

  it('refuses to apply a form with an unreadable field and writes nothing', async () => {
    const planner = await started();
    const form = new AllocationForm(planner);
    form.setField('06', 'ceiling', 'dix mille');
    const r = await form.apply();
    expect(r).toEqual({ ok: false, message: 'Corrigez le champ signalé pour voir l’aperçu.' });
    expect(form.plan.fieldErrors['ceiling:06']).toBe('montant illisible « dix mille »');
    expect(planner.undoLabel).toBeNull();
  });
});

describe('AllocationForm with a scenario changed under the preview', () => {
  it('writes nothing and asks to check the preview again', async () => {
    const scenario = demoScenario('2026-11-22T00:00:00.000Z');
    let built: unknown[] | null = null;
    const planner: AllocationPlanner = {
      scenario,
      figures: recompute(scenario),
      applyOps: async (build) => {
        built = build({ ...scenario }); // another write replaced the scenario value
        return ok(undefined);
      },
      addScenario: async () => ok('x'),
    };
    const form = new AllocationForm(planner);
    const r = await form.apply();
    expect(built).toEqual([]);
    expect(r.ok).toBe(false);
    expect(form.message?.text).toMatch(/Le scénario a changé/);
  });
});
