// Untrusted records are copied field by field: valid scenarios come back equal, hostile keys are never read.
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../src/domain/restore-records';
import { demoScenario } from '../../src/domain/demo';

describe('restoreScenario', () => {
  const demo = demoScenario('2026-11-22T00:00:00.000Z');

  it('gives back a valid scenario unchanged (through JSON)', () => {
    const r = restoreScenario(JSON.parse(JSON.stringify(demo)));
    expect(r).toEqual({ ok: true, value: demo });
  });

  it('drops __proto__ and constructor keys without touching Object.prototype', () => {
    const hostile = JSON.parse(
      JSON.stringify(demo).replace(
        '"id":"occ-1"',
        '"__proto__":{"polluted":true},"constructor":{"prototype":{"bad":1}},"id":"occ-1"',
      ),
    );
    const r = restoreScenario(hostile);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
    if (r.ok) expect(Object.keys(r.value.positions[0]!)).not.toContain('__proto__');
  });

  it.each([
    [
      'a non-integer amount',
      (s: string) => s.replace('"stateAmount":3220000', '"stateAmount":32200.5'),
      /poste n° 1, champ « stateAmount »/,
    ],
    [
      'an unknown role',
      (s: string) => s.replace('"role":"facilitateur"', '"role":"chef"'),
      /champ « role » : valeur inconnue/,
    ],
    [
      'a bad date',
      (s: string) => s.replace('"conventionEnd":"2027-10-31"', '"conventionEnd":"31/10/2027"'),
      /champ « conventionEnd »/,
    ],
    [
      'a hostile id',
      (s: string) => s.replace('"id":"occ-1"', '"id":"<img src=x onerror=alert(1)>"'),
      /identifiant invalide/,
    ],
  ])('refuses %s with a French reason', (_n, mutate, message) => {
    const r = restoreScenario(JSON.parse(mutate(JSON.stringify(demo))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
