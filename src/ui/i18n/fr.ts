// French words shown to people in several areas: roles, statuses, funders, purposes, schedules, the summary.
// Each area keeps its own words beside it (files/, grid/, charts/ labels-fr.ts).

export {
  FUNDER_CATEGORY_LABELS,
  LEGAL_STATUS_LABELS,
  PAYMENT_SCHEDULE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
} from '../../domain/vocabulary';

export const SUMMARY_LABELS = {
  title: 'Synthèse nationale',
  envelope: 'Enveloppe nationale',
  allotted: 'Répartie',
  reserve: 'Réserve',
  committed: 'Engagée',
  remaining: 'Reste à allouer',
} as const;
