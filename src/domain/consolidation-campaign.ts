// Campaign parameters of the files being consolidated: the first file's are kept, and every parameter another
// file sets differently is listed in French, so nobody believes the files agreed when they did not. Pure.
import { formatBasisPoints, formatDate, formatEuros, formatFte } from './format-fr';
import type { Fte } from './fte';
import type { Cents } from './money';
import type { Campaign } from './types';

interface Parameter {
  label: string;
  value: (c: Campaign) => unknown;
  show: (c: Campaign) => string;
}

const SCHEDULES: Record<Campaign['defaultPaymentSchedule'], string> = {
  atSignature: '100 % à la signature',
  advanceAndBalance: '50 % avance + 50 % solde',
};

const PARAMETERS: readonly Parameter[] = [
  { label: 'année de campagne', value: (c) => c.year, show: (c) => String(c.year) },
  {
    label: 'enveloppe nationale',
    value: (c) => c.nationalEnvelope,
    show: (c) => formatEuros(c.nationalEnvelope),
  },
  {
    label: 'part État maximale',
    value: (c) => c.rules.maxStateRate,
    show: (c) => formatBasisPoints(c.rules.maxStateRate),
  },
  {
    label: 'cofinancement minimal',
    value: (c) => c.rules.minCoFundingRate,
    show: (c) => formatBasisPoints(c.rules.minCoFundingRate),
  },
  {
    label: 'part État toutes sources maximale',
    value: (c) => c.rules.maxAllStateRate,
    show: (c) => formatBasisPoints(c.rules.maxAllStateRate),
  },
  {
    label: 'statuts soumis au plafond toutes sources',
    value: (c) => [...c.rules.allStateRateStatuses].sort().join(','),
    show: (c) => c.rules.allStateRateStatuses.join(', ') || 'aucun',
  },
  {
    label: 'plafond de part État par ETP',
    value: (c) => c.rules.stateCeilingPerFte,
    show: (c) =>
      c.rules.stateCeilingPerFte === null ? 'aucun' : formatEuros(c.rules.stateCeilingPerFte as Cents),
  },
  {
    label: 'ETP minimum par structure et fonction',
    value: (c) => c.rules.minFtePerStructureRole,
    show: (c) => formatFte(c.rules.minFtePerStructureRole as Fte),
  },
  {
    label: 'durée maximale de convention',
    value: (c) => c.rules.maxConventionYears,
    show: (c) => `${c.rules.maxConventionYears} ans`,
  },
  {
    label: 'début de convention par défaut',
    value: (c) => c.defaultConventionStart,
    show: (c) => formatDate(c.defaultConventionStart),
  },
  {
    label: 'fin de convention par défaut',
    value: (c) => c.defaultConventionEnd,
    show: (c) => formatDate(c.defaultConventionEnd),
  },
  {
    label: 'échéancier par défaut',
    value: (c) => c.defaultPaymentSchedule,
    show: (c) => SCHEDULES[c.defaultPaymentSchedule],
  },
];

/** `« B.xlsx » : part État maximale 75 % au lieu de 70 % (« A.xlsx » retenu)`, one per parameter that differs. */
export function campaignDifferences(
  files: ReadonlyArray<{ fileName: string; campaign: Campaign }>,
): string[] {
  const [first, ...others] = files;
  if (!first) return [];
  const warnings: string[] = [];
  for (const other of others) {
    for (const p of PARAMETERS) {
      if (p.value(other.campaign) === p.value(first.campaign)) continue;
      warnings.push(
        `« ${other.fileName} » : ${p.label} ${p.show(other.campaign)} au lieu de ${p.show(first.campaign)} (paramètre de « ${first.fileName} » retenu)`,
      );
    }
  }
  return warnings;
}
