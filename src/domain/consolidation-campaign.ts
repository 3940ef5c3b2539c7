// Campaign parameters of the files being consolidated: the first file's are kept, and every parameter another
// file sets differently is listed in French, so nobody believes the files agreed when they did not. Pure.
import { formatBasisPoints, formatDate, formatEuros, formatFte } from './format-fr';
import type { Fte } from './fte';
import type { Cents } from './money';
import type { Campaign } from './types';
import { inText, PARAMETER_LABELS, PAYMENT_SCHEDULE_LABELS } from './vocabulary';

interface Parameter {
  label: string;
  value: (c: Campaign) => unknown;
  show: (c: Campaign) => string;
}

const L = (key: keyof typeof PARAMETER_LABELS): string => inText(PARAMETER_LABELS[key]);

const PARAMETERS: readonly Parameter[] = [
  // The only label that is not the parameter's title (`Année de la campagne`) in lower case.
  { label: 'année de campagne', value: (c) => c.year, show: (c) => String(c.year) },
  {
    label: L('nationalEnvelope'),
    value: (c) => c.nationalEnvelope,
    show: (c) => formatEuros(c.nationalEnvelope),
  },
  {
    label: L('maxStateRate'),
    value: (c) => c.rules.maxStateRate,
    show: (c) => formatBasisPoints(c.rules.maxStateRate),
  },
  {
    label: L('minCoFundingRate'),
    value: (c) => c.rules.minCoFundingRate,
    show: (c) => formatBasisPoints(c.rules.minCoFundingRate),
  },
  {
    label: L('maxAllStateRate'),
    value: (c) => c.rules.maxAllStateRate,
    show: (c) => formatBasisPoints(c.rules.maxAllStateRate),
  },
  {
    label: L('allStateRateStatuses'),
    value: (c) => [...c.rules.allStateRateStatuses].sort().join(','),
    show: (c) => c.rules.allStateRateStatuses.join(', ') || 'aucun',
  },
  {
    label: L('stateCeilingPerFte'),
    value: (c) => c.rules.stateCeilingPerFte,
    show: (c) =>
      c.rules.stateCeilingPerFte === null ? 'aucun' : formatEuros(c.rules.stateCeilingPerFte as Cents),
  },
  {
    label: L('minFtePerStructureRole'),
    value: (c) => c.rules.minFtePerStructureRole,
    show: (c) => formatFte(c.rules.minFtePerStructureRole as Fte),
  },
  {
    label: L('maxConventionYears'),
    value: (c) => c.rules.maxConventionYears,
    show: (c) => `${c.rules.maxConventionYears} ans`,
  },
  {
    label: L('defaultConventionStart'),
    value: (c) => c.defaultConventionStart,
    show: (c) => formatDate(c.defaultConventionStart),
  },
  {
    label: L('defaultConventionEnd'),
    value: (c) => c.defaultConventionEnd,
    show: (c) => formatDate(c.defaultConventionEnd),
  },
  {
    label: L('defaultPaymentSchedule'),
    value: (c) => c.defaultPaymentSchedule,
    show: (c) => PAYMENT_SCHEDULE_LABELS[c.defaultPaymentSchedule],
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
