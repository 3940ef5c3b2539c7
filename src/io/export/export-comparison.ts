// The comparison of two scenarios as an xlsx workbook: regions with deltas, and the positions added,
// removed or changed field by field. Amounts are numbers in euros with a French format; text stays text.
import * as XLSX from 'xlsx';
import type { ScenarioComparison } from '../../domain/scenario-diff';
import { regionByCode } from '../../domain/reference/regions';
import { FIELD_LABELS } from '../../domain/vocabulary';

const EUROS = '#,##0.00 "€"';
const FTE = '0.00';

type Cell = XLSX.CellObject;
const text = (v: string): Cell => ({ t: 's', v });
const euros = (cents: number): Cell => ({ t: 'n', v: cents / 100, z: EUROS });
const fte = (hundredths: number): Cell => ({ t: 'n', v: hundredths / 100, z: FTE });

function regionsSheet(c: ScenarioComparison, nameA: string, nameB: string): XLSX.WorkSheet {
  const header = ['Région'];
  for (const what of ['Enveloppe', 'Engagé', 'Disponible', 'ETP'])
    header.push(`${what} ${nameA}`, `${what} ${nameB}`, `${what} écart`);
  const rows: Cell[][] = [header.map(text)];
  for (const r of [...c.regions, c.totals]) {
    const name = r.regionCode === '' ? 'Total' : (regionByCode(r.regionCode)?.name ?? r.regionCode);
    rows.push([
      text(name),
      euros(r.a.envelope),
      euros(r.b.envelope),
      euros(r.delta.envelope),
      euros(r.a.committed),
      euros(r.b.committed),
      euros(r.delta.committed),
      euros(r.a.available),
      euros(r.b.available),
      euros(r.delta.available),
      fte(r.a.fte),
      fte(r.b.fte),
      fte(r.delta.fte),
    ]);
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = [{ wch: 28 }, ...header.slice(1).map(() => ({ wch: 18 }))];
  return ws;
}

function positionsSheet(
  c: ScenarioComparison,
  describe: (field: string, value: unknown) => string,
): XLSX.WorkSheet {
  const rows: Cell[][] = [['Poste', 'Identifiant', 'Changement', 'Champ', 'Avant', 'Après'].map(text)];
  const name = (id: string) => text(c.names.get(id) ?? '');
  for (const p of c.added) rows.push([name(p.id), text(p.id), text('ajouté'), text(''), text(''), text('')]);
  for (const p of c.removed)
    rows.push([name(p.id), text(p.id), text('supprimé'), text(''), text(''), text('')]);
  for (const ch of c.changed) {
    for (const f of ch.fields) {
      rows.push([
        name(ch.id),
        text(ch.id),
        text('modifié'),
        text(
          Object.hasOwn(FIELD_LABELS, f.field) ? FIELD_LABELS[f.field as keyof typeof FIELD_LABELS] : f.field,
        ),
        text(describe(f.field, f.before)),
        text(describe(f.field, f.after)),
      ]);
    }
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = [{ wch: 48 }, { wch: 22 }, { wch: 12 }, { wch: 22 }, { wch: 40 }, { wch: 40 }];
  return ws;
}

/** `describe` turns a field value into the French text shown in the app (amounts, ETP, labels). */
export function buildComparisonWorkbook(
  c: ScenarioComparison,
  nameA: string,
  nameB: string,
  describe: (field: string, value: unknown) => string,
): ArrayBuffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, regionsSheet(c, nameA, nameB), 'Régions');
  XLSX.utils.book_append_sheet(wb, positionsSheet(c, describe), 'Postes');
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}
