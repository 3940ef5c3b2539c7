// Entities of the AAP planner: campaign and its rule parameters, regions, structures, positions, scenarios.
import type { BasisPoints, Cents } from './money';
import type { Fte } from './fte';

/** ISO calendar date `YYYY-MM-DD` (no time zone: conventions are dated by day). */
export type IsoDate = string;

export type Role = 'facilitateur' | 'coordinateur';
export const ROLES: readonly Role[] = ['facilitateur', 'coordinateur'];

export type LegalStatus =
  | 'association'
  | 'collectiviteTerritoriale'
  | 'commune'
  | 'departement'
  | 'region'
  | 'collectiviteStatutParticulier'
  | 'epci'
  | 'etablissementPublic'
  | 'gip'
  | 'other';
export const LEGAL_STATUSES: readonly LegalStatus[] = [
  'association',
  'collectiviteTerritoriale',
  'commune',
  'departement',
  'region',
  'collectiviteStatutParticulier',
  'epci',
  'etablissementPublic',
  'gip',
  'other',
];

export type FunderCategory =
  'stateOther' | 'esfPlus' | 'localAuthority' | 'otherPublic' | 'private' | 'ownFunds';
export const FUNDER_CATEGORIES: readonly FunderCategory[] = [
  'stateOther',
  'esfPlus',
  'localAuthority',
  'otherPublic',
  'private',
  'ownFunds',
];

/** How the State amount is paid: all at signature (2026) or 50 % advance + 50 % balance at the convention's end. */
export type PaymentSchedule = 'atSignature' | 'advanceAndBalance';
export const PAYMENT_SCHEDULES: readonly PaymentSchedule[] = ['atSignature', 'advanceAndBalance'];

export type Purpose = 'ongoing' | 'consolidation' | 'largeProject' | 'newCoordination';
export const PURPOSES: readonly Purpose[] = ['ongoing', 'consolidation', 'largeProject', 'newCoordination'];

/** Rule parameters of a campaign (2026 values in DEFAULT_RULES). */
export interface RuleParams {
  /** Maximum AAP share of a position's cost (7000 = 70 %). */
  maxStateRate: BasisPoints;
  /** Minimum co-funding share (3000 = 30 %). */
  minCoFundingRate: BasisPoints;
  /** Maximum State share from all State sources for the statuses below (8000 = 80 %). */
  maxAllStateRate: BasisPoints;
  /** Legal statuses the all-State ceiling applies to (collectivités territoriales and groupements). */
  allStateRateStatuses: readonly LegalStatus[];
  /** Optional ceiling of the State amount per full ETP, in cents; null when none. */
  stateCeilingPerFte: Cents | null;
  /** Minimum ETP per structure and role, in hundredths (50 = 0,5 ETP). */
  minFtePerStructureRole: Fte;
  /** Maximum total duration of a convention, in years. */
  maxConventionYears: number;
}

export interface Campaign {
  id: string;
  /** Budget year whose credits pay (2026); its own AAP cohort is the same year. */
  year: number;
  label: string;
  nationalEnvelope: Cents;
  rules: RuleParams;
  defaultConventionStart: IsoDate;
  defaultConventionEnd: IsoDate;
  defaultPaymentSchedule: PaymentSchedule;
}

export interface RegionRef {
  /** Official INSEE region code, e.g. `76` for Occitanie, `01` for Guadeloupe. */
  code: string;
  name: string;
}

export interface DepartmentRef {
  /** Official code: `01`…`95`, `2A`, `2B`, `971`…`976`. */
  code: string;
  name: string;
  regionCode: string;
}

/** A region's figures for a campaign that staff enter. */
export interface RegionBudget {
  regionCode: string;
  envelope: Cents;
  /** Optional regional ETP target in hundredths. */
  fteTarget: Fte | null;
}

export interface Structure {
  id: string;
  name: string;
  /** 14 digits, or empty when unknown. */
  siret: string;
  legalStatus: LegalStatus;
  departmentCode: string;
}

export interface CoFunding {
  funder: string;
  category: FunderCategory;
  amount: Cents;
}

export interface Position {
  id: string;
  regionCode: string;
  departmentCode: string;
  structureId: string;
  role: Role;
  fte: Fte;
  annualCost: Cents;
  /** The AAP amount decided for the position (part État). */
  stateAmount: Cents;
  coFundings: readonly CoFunding[];
  /** AAP cohort that first created the post (2022, 2023…). */
  cohort: number;
  conventionStart: IsoDate | null;
  conventionEnd: IsoDate | null;
  /** Year of the convention: 1, 2 or 3 (renewals by yearly amendment). */
  conventionYear: number;
  paymentSchedule: PaymentSchedule;
  /** Follow-up service as typed, e.g. `DDETS 30`, `DREETS`. */
  followUpService: string;
  purpose: Purpose;
  whiteZone: boolean;
  notes: string;
}

/** A complete, named version of a campaign's data (what-if). */
export interface Scenario {
  id: string;
  name: string;
  campaign: Campaign;
  regions: readonly RegionBudget[];
  structures: readonly Structure[];
  positions: readonly Position[];
  createdAt: string;
  updatedAt: string;
}

/** Computed figures of one position (never stored), by position-figures.ts. */
export interface PositionFigures {
  coFundingTotal: Cents;
  /** Co-funding whose funder category is "other State credits" (counts with the AAP for the 80 % rule). */
  stateOtherCoFunding: Cents;
  /** AAP + other State co-funding. */
  allStateAmount: Cents;
  /** cost − State − co-fundings: positive is a gap, negative an excess of funding. */
  remaining: Cents;
  /** min(max rate × cost, ceiling per ETP × ETP), in cents. */
  maxStateAmount: Cents;
  /** State amount ÷ cost (0.72 for 72 %), null when the cost is zero. */
  stateRate: number | null;
  coFundingRate: number | null;
}
