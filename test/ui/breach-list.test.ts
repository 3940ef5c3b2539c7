// The Anomalies panel's list and counts, and the Régions grid's lines and over-commitment mark.
import { describe, expect, it } from 'vitest';
import { eurosToCents, type Cents } from '../../src/domain/money';
import { recompute } from '../../src/domain/recompute';
import { breachItems, regionCounts } from '../../src/ui/panels/breach-list';
import { overCommitment, regionLine, totalsLine } from '../../src/ui/grid/region-columns';
import { plain, position, scenario, structure } from '../domain/helpers';

const ps = [
  position({ id: 'ok', regionCode: '76' }),
  position({
    id: 'over',
    regionCode: '76',
    structureId: 's2',
    stateAmount: eurosToCents(30_000),
    coFundings: [],
  }),
  position({ id: 'idf', regionCode: '11', departmentCode: '75', structureId: 's1', conventionYear: 4 }),
];
const sc = scenario(ps, [
  structure({ id: 's1', name: 'B Structure' }),
  structure({ id: 's2', name: 'A Structure' }),
]);
const figures = recompute(sc);
const structures = new Map(sc.structures.map((s) => [s.id, s]));

describe('breach list', () => {
  it('lists every breach in region order with structure, role and message', () => {
    const items = breachItems(figures, sc.positions, structures);
    expect(items).toHaveLength(figures.breaches.length);
    expect(items[0]?.regionName).toBe('Île-de-France');
    expect(items.every((i) => i.roleLabel === 'Facilitateur')).toBe(true);
    expect(items.map((i) => i.positionId)).toContain('over');
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    const over = items.find((i) => i.positionId === 'over' && i.field === 'stateAmount');
    expect(over?.structureName).toBe('A Structure');
    expect(plain(over?.message ?? '')).toContain('> 70 %');
  });

  it('counts breaches per region, regions without any left out', () => {
    const counts = regionCounts(figures);
    expect(counts.map((c) => c.name)).toEqual(['Île-de-France', 'Occitanie']);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(figures.breaches.length);
  });
});

describe('Régions lines', () => {
  it('gives one line per region in scenario order and a totals line from the national figures', () => {
    const lines = figures.regions.map(regionLine);
    expect(lines.slice(0, sc.regions.length).map((l) => l.regionCode)).toEqual(
      sc.regions.map((r) => r.regionCode),
    );
    expect(lines.find((l) => l.regionCode === '11')?.name).toBe('Île-de-France');
    expect(lines.find((l) => l.regionCode === '76')?.positions).toBe(2);
    const total = totalsLine(figures);
    expect(total.envelope).toBe(figures.national.allotted);
    expect(total.committed).toBe(figures.national.committed);
    expect(total.available).toBe(figures.national.allotted - figures.national.committed);
    expect(total.positions).toBe(3);
  });

  it('marks an over-committed region with the excess in French', () => {
    const line = { ...regionLine(figures.regions[0]!), available: -123_050 as Cents };
    expect(plain(overCommitment(line))).toBe('Enveloppe dépassée de 1 230,50 €');
    expect(overCommitment({ ...line, available: 0 as Cents })).toBe('');
  });
});
