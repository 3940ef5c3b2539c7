// National consolidation: regional files put together reproduce the national totals to the cent, a region or
// a position id claimed twice is a conflict that blocks until chosen, each choice does what it says, and the
// report and warnings say what came from where.
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/domain/demo/generate';
import {
  claimedRegions,
  consolidate,
  findConflicts,
  type ConsolidationInput,
  type Resolution,
} from '../../src/domain/consolidation';
import type { Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import type { Scenario } from '../../src/domain/types';

const NATIONAL = generateScenario(900, 7);

/** The national scenario cut down to one region: its positions, their structures, only its envelope. */
function regional(code: string, source: Scenario = NATIONAL): Scenario {
  const positions = source.positions.filter((p) => p.regionCode === code);
  const used = new Set(positions.map((p) => p.structureId));
  return {
    ...source,
    id: `sc-${code}`,
    name: `Région ${code}`,
    regions: source.regions.map((r) => (r.regionCode === code ? r : { ...r, envelope: 0 as Cents })),
    structures: source.structures.filter((s) => used.has(s.id)),
    positions,
  };
}

function ids() {
  let n = 0;
  return (kind: 'position' | 'structure') => `${kind}-neuf-${++n}`;
}

const options = { name: 'Consolidation nationale 2026-11-22', now: '2026-11-22T12:00:00.000Z', newId: ids() };
const file = (code: string, s = regional(code)): ConsolidationInput => ({
  fileName: `${code}.xlsx`,
  scenario: s,
});
const choose = (entries: Array<[string, Resolution]>) => new Map(entries);

function run(inputs: ConsolidationInput[], resolutions = choose([])) {
  const r = consolidate(inputs, resolutions, { ...options, newId: ids() });
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('consolidation de fichiers régionaux', () => {
  const three = ['76', '11', '84'].map((c) => file(c));

  it('chaque fichier revendique la région de ses postes et de son enveloppe', () => {
    expect(three.map((f) => claimedRegions(f.scenario))).toEqual([['76'], ['11'], ['84']]);
    expect(findConflicts(three, choose([]))).toEqual([]);
  });

  it('reproduit les totaux nationaux : somme exacte des régionaux', () => {
    const result = run(three);
    const national = recompute(result.scenario).national;
    const parts = three.map((f) => recompute(f.scenario).national);
    expect(national.committed).toBe(parts.reduce((a, n) => a + n.committed, 0));
    expect(national.allotted).toBe(parts.reduce((a, n) => a + n.allotted, 0));
    expect(result.scenario.positions).toHaveLength(
      three.reduce((a, f) => a + f.scenario.positions.length, 0),
    );
    const fromNational = NATIONAL.positions.filter((p) => ['76', '11', '84'].includes(p.regionCode));
    expect(national.committed).toBe(fromNational.reduce((a, p) => a + p.stateAmount, 0));
    expect(result.scenario.name).toBe('Consolidation nationale 2026-11-22');
    expect(result.scenario.campaign).toEqual(NATIONAL.campaign);
  });

  it('laisse à zéro les régions que personne ne revendique et dit d’où vient chaque région', () => {
    const result = run(three);
    const origin = (code: string) => result.regions.find((r) => r.regionCode === code)!;
    expect(origin('76')).toMatchObject({
      files: [0],
      envelope: NATIONAL.regions.find((r) => r.regionCode === '76')!.envelope,
    });
    expect(origin('93')).toEqual({ regionCode: '93', files: [], positions: 0, envelope: 0 });
    expect(result.scenario.regions).toHaveLength(18);
    expect(result.files.map((f) => [f.fileName, f.regions, f.dropped])).toEqual([
      ['76.xlsx', ['76'], 0],
      ['11.xlsx', ['11'], 0],
      ['84.xlsx', ['84'], 0],
    ]);
  });

  describe('une région revendiquée par deux fichiers', () => {
    const other = regional('76', generateScenario(900, 99));
    const inputs = [...three, file('76', { ...other, name: 'Occitanie bis' })];
    inputs[3] = { ...inputs[3]!, fileName: '76-bis.xlsx' };

    it('est un conflit qui bloque la création', () => {
      expect(findConflicts(inputs, choose([]))).toEqual([
        { id: 'region:76', kind: 'region', key: '76', files: [0, 3], identical: false },
      ]);
      expect(consolidate(inputs, choose([]), options)).toEqual({
        ok: false,
        message: '1 conflit à résoudre avant de créer le scénario consolidé.',
      });
    });

    it('« garder le fichier A » prend la région du premier, « garder le fichier B » du second', () => {
      const keepA = run(inputs, choose([['region:76', { keep: 0 }]]));
      expect(recompute(keepA.scenario).national).toEqual(recompute(run(three).scenario).national);
      expect(keepA.files[3]).toMatchObject({ regions: [], positions: 0, dropped: other.positions.length });
      const keepB = run(inputs, choose([['region:76', { keep: 3 }]]));
      const in76 = keepB.scenario.positions.filter((p) => p.regionCode === '76');
      expect(in76).toEqual(other.positions);
      expect(keepB.files[0]).toMatchObject({ regions: [], dropped: three[0]!.scenario.positions.length });
    });

    it('« garder les deux » fait apparaître les identifiants en double, puis les renomme', () => {
      const both = choose([['region:76', { keep: 'all' }]]);
      const conflicts = findConflicts(inputs, both).filter((c) => c.kind === 'position');
      expect(conflicts.length).toBeGreaterThan(0);
      expect(conflicts.every((c) => c.files.join() === '0,3' && !c.identical)).toBe(true);
      expect(consolidate(inputs, both, options).ok).toBe(false);
      const all = new Map([...both, ...conflicts.map((c): [string, Resolution] => [c.id, { keep: 'all' }])]);
      const result = run(inputs, all);
      expect(result.scenario.positions).toHaveLength(
        inputs.reduce((a, f) => a + f.scenario.positions.length, 0),
      );
      expect(new Set(result.scenario.positions.map((p) => p.id)).size).toBe(result.scenario.positions.length);
      expect(result.files[3]!.renamedPositions.map((r) => r.from)).toEqual(conflicts.map((c) => c.key));
      const committed = recompute(result.scenario).national.committed;
      expect(committed).toBe(inputs.reduce((a, f) => a + recompute(f.scenario).national.committed, 0));
    });
  });

  it('un même identifiant de poste dans deux régions est un conflit', () => {
    const a = regional('76');
    const moved = { ...a.positions[0]!, regionCode: '11', departmentCode: '75' };
    const b = regional('11');
    const inputs = [file('76', a), file('11', { ...b, positions: [...b.positions, moved] })];
    const conflict = {
      id: `position:${moved.id}`,
      kind: 'position',
      key: moved.id,
      files: [0, 1],
      identical: false,
    };
    expect(findConflicts(inputs, choose([]))).toEqual([conflict]);
    const keepFirst = run(inputs, choose([[conflict.id, { keep: 0 }]]));
    expect(keepFirst.scenario.positions.filter((p) => p.id === moved.id)).toEqual([a.positions[0]]);
    const keepSecond = run(inputs, choose([[conflict.id, { keep: 1 }]]));
    expect(keepSecond.scenario.positions.find((p) => p.id === moved.id)!.regionCode).toBe('11');
    const keepBoth = run(inputs, choose([[conflict.id, { keep: 'all' }]]));
    expect(keepBoth.files[1]!.renamedPositions).toEqual([{ from: moved.id, to: 'position-neuf-1' }]);
  });

  it('deux copies du même fichier : chaque poste est un conflit marqué identique, jamais fusionné sans choix', () => {
    const inputs = [file('76'), { ...file('76'), fileName: '76-copie.xlsx' }];
    const both = choose([['region:76', { keep: 'all' }]]);
    const conflicts = findConflicts(inputs, both).filter((c) => c.kind === 'position');
    expect(conflicts).toHaveLength(inputs[0]!.scenario.positions.length);
    expect(conflicts.every((c) => c.identical)).toBe(true);
    expect(consolidate(inputs, both, options).ok).toBe(false);
  });

  it('fusionne les structures identiques et renomme celles qui diffèrent sous le même identifiant', () => {
    const a = regional('76');
    const b = regional('11');
    const sharedId = a.structures[0]!.id;
    const clash = { ...b.structures[0]!, id: sharedId };
    const twin = { ...a.structures[1]! };
    const bPositions = b.positions.map((p, i) =>
      p.structureId === b.structures[0]!.id ? { ...p, structureId: sharedId } : i === 0 ? p : p,
    );
    const inputs = [
      file('76', a),
      file('11', { ...b, structures: [clash, ...b.structures.slice(1), twin], positions: bPositions }),
    ];
    const result = run(inputs);
    expect(result.files[1]!.renamedStructures).toEqual([{ from: sharedId, to: 'structure-neuf-1' }]);
    const ids = result.scenario.structures.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === twin.id)).toHaveLength(1);
    const moved = result.scenario.positions.filter(
      (p) => p.regionCode === '11' && p.structureId === 'structure-neuf-1',
    );
    expect(moved).toHaveLength(bPositions.filter((p) => p.structureId === sharedId).length);
  });

  it('garde les paramètres du premier fichier et signale les différences', () => {
    const b = regional('11');
    const changed = {
      ...b,
      campaign: {
        ...b.campaign,
        rules: { ...b.campaign.rules, maxStateRate: 7500 },
        nationalEnvelope: 500_000_000 as Cents,
      },
    };
    const result = run([file('76'), file('11', changed)]);
    expect(result.scenario.campaign.rules.maxStateRate).toBe(7000);
    expect(result.warnings.map((w) => w.replace(/[\u202f\u00a0]/g, ' '))).toEqual([
      '« 11.xlsx » : enveloppe nationale 5 000 000,00 € au lieu de 4 700 000,00 € (paramètre de « 76.xlsx » retenu)',
      '« 11.xlsx » : part État maximale 75 % au lieu de 70 % (paramètre de « 76.xlsx » retenu)',
    ]);
  });

  it('refuse une liste vide', () => {
    expect(consolidate([], choose([]), options)).toEqual({
      ok: false,
      message: 'Aucun fichier à consolider.',
    });
  });
});
