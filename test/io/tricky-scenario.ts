// The demo scenario with what breaks naive exports: formula-like names and notes, accents, apostrophes,
// line breaks, a SIRET, two funders in one category, a zero co-funding, empty dates, every enum value.
import { demoScenario } from '../../src/domain/demo';
import type { Cents } from '../../src/domain/money';
import type { Scenario } from '../../src/domain/types';

export const INJECTIONS = [
  '=HYPERLINK("http://exemple.test","clic")',
  '+1',
  '-1+1',
  '@SUM(A1:A2)',
  "=cmd|' /C calc'!A0",
  '\t=2+2',
] as const;

/** A SIRET with a valid Luhn key, from its first 13 digits. */
export function siret(first13: string): string {
  for (let key = 0; key < 10; key++) {
    const digits = first13 + key;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(digits[13 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

export function trickyScenario(): Scenario {
  const s = demoScenario('2026-11-22T00:00:00.000Z');
  const names = [
    '=HYPERLINK("http://exemple.test","clic")',
    '+33 EMPLOI',
    '-1+1 INSERTION',
    '@SUM(A1:A2)',
    "L’ÉCOLE DE LA 2E CHANCE D'ARIÈGE",
    'Œuvre « Côte-d’Or » ; insertion',
  ];
  const structures = s.structures.map((st, i) => ({
    ...st,
    name: names[i] ?? st.name,
    siret: i === 6 ? siret('7328293200007') : st.siret,
  }));
  const notes = [
    ...INJECTIONS,
    'Ligne 1\nLigne 2 ; « guillemets » "doubles"',
    "Œuvre d'insertion — Côte-d’Or",
    "'=déjà protégé",
  ];
  const positions = s.positions.map((p, i) => {
    const q = { ...p, notes: notes[i] ?? p.notes };
    if (i === 1) return { ...q, conventionStart: null, conventionEnd: null, followUpService: 'DDETS 2A' };
    if (i === 2)
      return {
        ...q,
        paymentSchedule: 'advanceAndBalance' as const,
        whiteZone: true,
        purpose: 'largeProject' as const,
        conventionYear: 3,
        cohort: 2024,
      };
    if (i === 3) {
      const local = p.coFundings.find((c) => c.category === 'localAuthority');
      const amount = local?.amount ?? 0;
      const half = Math.floor(amount / 2) as Cents;
      return {
        ...q,
        coFundings: [
          ...p.coFundings.filter((c) => c.category !== 'localAuthority'),
          { funder: 'Conseil départemental', category: 'localAuthority' as const, amount: half },
          { funder: 'Métropole', category: 'localAuthority' as const, amount: (amount - half) as Cents },
          { funder: 'Fondation à confirmer', category: 'private' as const, amount: 0 as Cents },
        ],
      };
    }
    return q;
  });
  return { ...s, name: "Démo l'Aude « test »", structures, positions };
}
