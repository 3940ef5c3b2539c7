// The 2026 values of the AAP rule parameters (AAP PNAD 2026, seeds/000): 70 %, 30 %, 80 %, 0,5 ETP, 3 years.
import type { LegalStatus, RuleParams } from './types';
import type { Fte } from './fte';

/** Statuses covered by the 80 % all-State ceiling: collectivités territoriales and their groupements. */
export const LOCAL_AUTHORITY_STATUSES: readonly LegalStatus[] = [
  'collectiviteTerritoriale',
  'commune',
  'departement',
  'region',
  'collectiviteStatutParticulier',
  'epci',
];

export const DEFAULT_RULES: RuleParams = {
  maxStateRate: 7000,
  minCoFundingRate: 3000,
  maxAllStateRate: 8000,
  allStateRateStatuses: LOCAL_AUTHORITY_STATUSES,
  stateCeilingPerFte: null,
  minFtePerStructureRole: 50 as Fte,
  maxConventionYears: 3,
};
