// Restore step of the import: every data row of the mapped table becomes a typed position and structure
// (structures deduplicated by name and department), with the rows left out and the diagnostics. Never throws
// per row; nothing is written here (the plan and the commit come after).
import { nameKey } from '../../domain/position-edit';
import type { Campaign, CoFunding, LegalStatus, Position, Structure } from '../../domain/types';
import { sameSums } from './co-funding-sheet';
import { columnLetter } from '../cell-address';
import type { Mapping } from '../table/column-mapping';
import type { Diagnostic } from './diagnostics';
import { classifyRows, type FoundTable, type IgnoredRow } from '../table/find-table';
import type { ImportField } from '../table/header-vocabulary';
import { restoreRow, type RestoredRow, type RowContext } from './restore-row';

export interface RestoreOptions {
  campaign: Campaign;
  /** Fresh ids for positions and structures that the file does not identify. */
  newId: (kind: 'position' | 'structure') => string;
  /** Region given to rows with neither department nor region (e.g. the region of the DREETS importing). */
  defaultRegionCode?: string | null;
  /** Co-fundings by position id from the `Cofinancements` sheet of an app export (readCoFundingSheet). */
  coFundingDetail?: ReadonlyMap<string, readonly CoFunding[]> | null;
}

/** Where each restored position came from, in the order of `positions`. */
export interface RestoredSource {
  /** 1-based row in the sheet. */
  row: number;
  /** The position's id was read from the file (else it is fresh). */
  idFromFile: boolean;
  /** Its co-fundings name their funders (from the Cofinancements sheet), not only amounts per category. */
  detailedCoFundings: boolean;
}

export interface RestoredStructureInfo {
  /** Whether the file gave the legal status / SIRET of this structure (else defaults were used). */
  legalStatus: boolean;
  siret: boolean;
}

export interface RestoredRows {
  sheet: string;
  positions: Position[];
  sources: RestoredSource[];
  structures: Structure[];
  structureInfo: ReadonlyMap<string, RestoredStructureInfo>;
  /** Region codes of the restored positions, sorted. */
  regionsTouched: string[];
  diagnostics: Diagnostic[];
  ignored: IgnoredRow[];
  /** Position fields the file gives (mapped columns); an update changes only these. */
  providedFields: ReadonlySet<keyof Position>;
}

const POSITION_FIELD: Partial<Record<ImportField, keyof Position>> = {
  id: 'id',
  structureName: 'structureId',
  departmentCode: 'departmentCode',
  regionCode: 'regionCode',
  followUpService: 'followUpService',
  role: 'role',
  fte: 'fte',
  annualCost: 'annualCost',
  stateAmount: 'stateAmount',
  coFundingAmount: 'coFundings',
  cohort: 'cohort',
  conventionStart: 'conventionStart',
  conventionEnd: 'conventionEnd',
  conventionYear: 'conventionYear',
  paymentSchedule: 'paymentSchedule',
  purpose: 'purpose',
  whiteZone: 'whiteZone',
  notes: 'notes',
};

function providedFields(columns: ReadonlyMap<ImportField, readonly number[]>): Set<keyof Position> {
  const fields = new Set<keyof Position>();
  for (const f of columns.keys()) {
    const p = f.startsWith('coFunding.') ? 'coFundings' : POSITION_FIELD[f];
    if (p) fields.add(p);
  }
  if (fields.has('departmentCode')) fields.add('regionCode');
  return fields;
}

const NAME_KEYS = new Map<string, string>();

/** nameKey, remembered: a file repeats a few hundred structure names over thousands of rows. */
export function cachedNameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    if (NAME_KEYS.size > 100_000) NAME_KEYS.clear();
    key = nameKey(name);
    NAME_KEYS.set(name, key);
  }
  return key;
}

/** Key of a structure in a file: its normalised name and its department. */
export function structureKey(name: string, departmentCode: string): string {
  return `${cachedNameKey(name)}|${departmentCode}`;
}

/** Structures of the file, one per name and department; the first row of each gives its fields. */
class FileStructures {
  readonly byKey = new Map<string, Structure>();
  readonly info = new Map<string, RestoredStructureInfo>();
  private readonly firstRow = new Map<string, number>();

  constructor(
    private readonly ctx: RowContext,
    private readonly newId: RestoreOptions['newId'],
    private readonly diagnostics: Diagnostic[],
  ) {}

  idFor(s: RestoredRow['structure'], departmentCode: string, row: number): string {
    const key = structureKey(s.name, departmentCode);
    const known = this.byKey.get(key);
    if (known) {
      this.warnConflict(known, s.legalStatus, row, this.firstRow.get(key) ?? 0);
      return known.id;
    }
    const structure: Structure = {
      id: this.newId('structure'),
      name: s.name,
      siret: s.siret ?? '',
      legalStatus: s.legalStatus ?? 'other',
      departmentCode,
    };
    this.byKey.set(key, structure);
    this.info.set(structure.id, { legalStatus: s.legalStatus !== null, siret: s.siret !== null });
    this.firstRow.set(key, row);
    return structure.id;
  }

  private warnConflict(
    known: Structure,
    legalStatus: LegalStatus | null,
    row: number,
    firstRow: number,
  ): void {
    if (legalStatus === null || legalStatus === known.legalStatus) return;
    const c = this.ctx.columns.get('legalStatus')?.[0];
    this.diagnostics.push({
      sheet: this.ctx.sheet,
      row,
      column: c === undefined ? '' : columnLetter(c),
      field: 'legalStatus',
      message: `statut juridique différent de celui de la ligne ${firstRow} pour « ${known.name} » : celui de la ligne ${firstRow} est retenu`,
      severity: 'warning',
    });
  }
}

function columnsOf(mapping: Mapping): Map<ImportField, number[]> {
  const columns = new Map<ImportField, number[]>();
  mapping.forEach((f, c) => {
    if (f && f !== 'computed') columns.set(f, [...(columns.get(f) ?? []), c]);
  });
  return columns;
}

/** Typed records from the data rows of `table` read with `mapping`; see RestoredRows. */
export function restoreRows(table: FoundTable, mapping: Mapping, options: RestoreOptions): RestoredRows {
  const columns = columnsOf(mapping);
  const ctx: RowContext = {
    sheet: table.sheetName,
    headers: table.headers,
    columns,
    campaign: options.campaign,
    defaultRegionCode: options.defaultRegionCode ?? null,
  };
  const { data, ignored } = classifyRows(table, mapping);
  const diagnostics: Diagnostic[] = [];
  const positions: Position[] = [];
  const sources: RestoredSource[] = [];
  const structures = new FileStructures(ctx, options.newId, diagnostics);
  for (const row of data) {
    const restored = restoreRow(row, ctx, diagnostics);
    if (!restored) continue;
    const p = restored.position;
    const structureId = structures.idFor(restored.structure, p.departmentCode, row.index + 1);
    const detail = p.id === null ? undefined : options.coFundingDetail?.get(p.id);
    const detailed = detail !== undefined && sameSums(detail, p.coFundings);
    const coFundings = detailed
      ? detail.map((c) => ({ funder: c.funder, category: c.category, amount: c.amount }))
      : p.coFundings;
    positions.push({ ...p, id: p.id ?? options.newId('position'), structureId, coFundings });
    sources.push({ row: row.index + 1, idFromFile: p.id !== null, detailedCoFundings: detailed });
  }
  return {
    sheet: table.sheetName,
    positions,
    sources,
    structures: [...structures.byKey.values()],
    structureInfo: structures.info,
    regionsTouched: [...new Set(positions.map((p) => p.regionCode))].sort(),
    diagnostics,
    ignored,
    providedFields: providedFields(columns),
  };
}
