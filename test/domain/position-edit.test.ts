// Editing a position from typed text: every field reads French input, refuses what it cannot read.
import { describe, expect, it } from 'vitest';
import { editPosition, type EditableField } from '../../src/domain/position-edit';
import { eurosToCents as e } from '../../src/domain/money';
import { parseLegalStatus, parseRole, parseFunderCategory, parseYesNo } from '../../src/domain/vocabulary';
import { position, structure } from './helpers';

const ctx = () => ({ structures: new Map([['s1', structure()]]), newStructureId: () => 'new-st' });

describe('editPosition', () => {
  const accepted: Array<[EditableField, string, Record<string, unknown>]> = [
    ['stateAmount', '31 500,50', { stateAmount: e(31_500.5) }],
    ['stateAmount', '31500.5', { stateAmount: e(31_500.5) }],
    ['stateAmount', '31 500 €', { stateAmount: e(31_500) }],
    ['stateAmount', '31\u00a0500,00\u00a0€', { stateAmount: e(31_500) }],
    ['annualCost', '', { annualCost: 0 }],
    ['fte', '0,56', { fte: 56 }],
    ['role', 'COORDINATION RÉGIONALE', { role: 'coordinateur' }],
    ['role', 'facilitatrice', { role: 'facilitateur' }],
    ['cohort', '2022', { cohort: 2022 }],
    ['conventionEnd', '31/10/2027', { conventionEnd: '2027-10-31' }],
    ['conventionStart', '', { conventionStart: null }],
    ['conventionYear', '2', { conventionYear: 2 }],
    ['paymentSchedule', '50/50', { paymentSchedule: 'advanceAndBalance' }],
    ['purpose', 'JOP d’hiver 2030', { purpose: 'largeProject' }],
    ['whiteZone', 'oui', { whiteZone: true }],
    ['departmentCode', 'Aude', { departmentCode: '11', regionCode: '76' }],
    ['departmentCode', '2A', { departmentCode: '2A', regionCode: '94' }],
    ['regionCode', 'Bretagne', { regionCode: '53', departmentCode: '' }],
    ['notes', '=HYPERLINK("x")', { notes: '=HYPERLINK("x")' }],
  ];
  it.each(accepted)('%s ← %j', (field, text, expected) => {
    const r = editPosition(position(), field, text, ctx());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.position).toMatchObject(expected);
  });

  const refused: Array<[EditableField, string, RegExp]> = [
    ['stateAmount', '12,5 k€', /montant illisible « 12,5 k€ »/],
    ['stateAmount', '-5', /négatif/],
    ['fte', '0,555', /ETP/],
    ['role', 'directeur', /fonction inconnue « directeur »/],
    ['cohort', '20', /cohorte illisible/],
    ['conventionEnd', '31/02/2027', /date illisible/],
    ['departmentCode', 'Atlantide', /département inconnu/],
    ['structureName', '  ', /nom de structure vide/],
  ];
  it.each(refused)('%s refuses %j', (field, text, message) => {
    const r = editPosition(position(), field, text, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('sets one co-funding category and keeps the others', () => {
    const p = position({
      coFundings: [
        { funder: 'Dép.', category: 'localAuthority', amount: e(12_000) },
        { funder: 'FSE', category: 'esfPlus', amount: e(1_000) },
      ],
    });
    const r = editPosition(p, 'coFunding.localAuthority', '11 000', ctx());
    expect(r.ok && r.value.position.coFundings).toEqual([
      { funder: 'FSE', category: 'esfPlus', amount: e(1_000) },
      { funder: 'Dép.', category: 'localAuthority', amount: e(11_000) },
    ]);
    const zero = editPosition(p, 'coFunding.esfPlus', '0', ctx());
    expect(zero.ok && zero.value.position.coFundings.map((c) => c.category)).toEqual(['localAuthority']);
  });

  it('picks an existing structure by name, or creates one', () => {
    const existing = editPosition(position({ structureId: 'x' }), 'structureName', 'plie test', ctx());
    expect(existing.ok && existing.value).toMatchObject({ position: { structureId: 's1' }, structure: null });
    const created = editPosition(position(), 'structureName', 'Nouvelle structure', ctx());
    expect(created.ok && created.value.structure).toMatchObject({ id: 'new-st', name: 'Nouvelle structure' });
  });

  it('changes the legal status on the structure', () => {
    const r = editPosition(position(), 'legalStatus', 'Conseil départemental', ctx());
    expect(r.ok && r.value.structure).toMatchObject({ id: 's1', legalStatus: 'departement' });
  });
});

describe('vocabulary', () => {
  it.each([
    ['Association loi 1901', 'association'],
    ['Commune', 'commune'],
    ['Conseil départemental', 'departement'],
    ['GIP', 'gip'],
    ['EPCI', 'epci'],
    ['Métropole', 'epci'],
    ['Collectivité territoriale', 'collectiviteTerritoriale'],
    ['Établissement public', 'etablissementPublic'],
  ])('legal status %s', (text, expected) =>
    expect(parseLegalStatus(text)).toEqual({ ok: true, value: expected }),
  );
  it.each([
    ['Facilitateur', 'facilitateur'],
    ['COORDINATEUR', 'coordinateur'],
    ['Coordinatrice régionale', 'coordinateur'],
  ])('role %s', (text, expected) => expect(parseRole(text)).toEqual({ ok: true, value: expected }));
  it.each([
    ['FSE+', 'esfPlus'],
    ['Politique de la ville', 'stateOther'],
    ['Fonds propres', 'ownFunds'],
  ])('funder %s', (text, expected) =>
    expect(parseFunderCategory(text)).toEqual({ ok: true, value: expected }),
  );
  it('yes/no', () => {
    expect(parseYesNo('X')).toEqual({ ok: true, value: true });
    expect(parseYesNo('')).toEqual({ ok: true, value: false });
    expect(parseYesNo('peut-être').ok).toBe(false);
  });
});
