// French words of the allocation helper: what is split, the keys, the rounding steps, the change-log label.
import type { AllocationKey } from '../domain/allocation-keys';
import { formatEuros, formatEurosShort } from '../domain/format-fr';
import type { Cents } from '../domain/money';
import type { AllocationBase } from './allocation-plan';

export const BASE_LABELS: Record<AllocationBase, string> = {
  reserve: 'La réserve non répartie',
  envelope: "Toute l'enveloppe nationale",
  amount: 'Un montant',
};

/** What happens to the current envelopes, said plainly under the choice. */
export const BASE_HELP: Record<AllocationBase, string> = {
  reserve:
    'La réserve s’ajoute aux enveloppes régionales actuelles : chaque région garde son enveloppe et reçoit sa part en plus.',
  envelope:
    'Les enveloppes régionales actuelles sont remplacées : la part de chaque région devient sa nouvelle enveloppe.',
  amount:
    'Le montant s’ajoute aux enveloppes régionales actuelles (crédits supplémentaires) : chaque région reçoit sa part en plus.',
};

export const KEY_LABELS: Record<AllocationKey, string> = {
  fteToRenew: 'ETP à renouveler',
  currentFte: 'ETP actuels',
  custom: 'Indicateur personnalisé',
  equal: 'Parts égales',
};

/** Heading of the weight column for each key. */
export const KEY_COLUMN: Record<AllocationKey, string> = {
  fteToRenew: 'ETP à renouveler',
  currentFte: 'ETP actuels',
  custom: 'Indicateur',
  equal: 'Part',
};

/** How the key's weights are obtained; `year` is the year after the campaign's. */
export function keyHelp(key: AllocationKey, year: number): string {
  switch (key) {
    case 'fteToRenew':
      return `ETP dont la convention se termine en ${year} : renouvellements par avenant et postes arrivés au terme de leurs 3 ans (à consolider par une nouvelle candidature).`;
    case 'currentFte':
      return 'ETP financés dans chaque région (facilitateurs et coordinateurs), d’après les postes du scénario.';
    case 'custom':
      return 'Saisissez un indicateur par région dans le tableau (nombre d’heures d’insertion, population…) ; une case vide compte pour 0.';
    case 'equal':
      return 'Chaque région sans montant fixe reçoit la même part.';
  }
}

export const ROUNDING_STEPS: ReadonlyArray<{ cents: number; label: string }> = [100, 10_000, 100_000].map(
  (cents) => ({ cents, label: formatEurosShort(cents as Cents) }),
);

/** The change-log and undo label of an applied allocation. */
export function allocationLabel(base: AllocationBase, amount: Cents, key: AllocationKey): string {
  const what =
    base === 'reserve' ? 'de la réserve' : base === 'envelope' ? 'de l’enveloppe nationale' : 'd’un montant';
  return `Répartition ${what} (${formatEuros(amount)}, ${KEY_LABELS[key].toLowerCase()})`;
}
