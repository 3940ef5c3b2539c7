// The French words the app writes for its coded values (the UI's own labels), and readers that accept them
// back exactly before falling back on the tolerant vocabulary: an exported workbook always re-imports.
import { ok, type Result } from '../domain/result';
import type { FunderCategory, LegalStatus, PaymentSchedule, Purpose, Role } from '../domain/types';
import {
  FUNDER_CATEGORY_LABELS,
  LEGAL_STATUS_LABELS,
  NO_LABEL,
  parseFunderCategory,
  parseLegalStatus,
  parsePaymentSchedule,
  parsePurpose,
  parseRole,
  parseYesNo,
  PAYMENT_SCHEDULE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
  YES_LABEL,
} from '../domain/vocabulary';

export {
  FUNDER_CATEGORY_LABELS,
  LEGAL_STATUS_LABELS,
  NO_LABEL,
  PAYMENT_SCHEDULE_LABELS,
  PURPOSE_LABELS,
  ROLE_LABELS,
  YES_LABEL,
};

function byLabel<T extends string>(
  labels: Readonly<Record<T, string>>,
  parse: (text: string) => Result<T>,
): (text: string) => Result<T> {
  const exact = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as [T, string][])
    exact.set(label.trim().toLowerCase(), value);
  return (text) => {
    const hit = exact.get(text.trim().toLowerCase());
    return hit === undefined ? parse(text) : ok(hit);
  };
}

export const readRole = byLabel<Role>(ROLE_LABELS, parseRole);
export const readLegalStatus = byLabel<LegalStatus>(LEGAL_STATUS_LABELS, parseLegalStatus);
export const readFunderCategory = byLabel<FunderCategory>(FUNDER_CATEGORY_LABELS, parseFunderCategory);
export const readPurpose = byLabel<Purpose>(PURPOSE_LABELS, parsePurpose);
export const readPaymentSchedule = byLabel<PaymentSchedule>(PAYMENT_SCHEDULE_LABELS, parsePaymentSchedule);
export const readYesNo = parseYesNo;
