// Restore of Métadonnées: the campaign and its rule parameters, the scenario's name, id and dates, the region
// list and ETP targets. Only the keys of METADATA_KEYS are ever looked up, each read by its own typed reader
// with its range; an unreadable value gives a warning and the 2026 default (the year alone is required).
import type { Fte } from '../../domain/fte';
import type { Cents } from '../../domain/money';
import { parsePercent } from '../../domain/parse-fr';
import { regionByCode } from '../../domain/reference/regions';
import { err, ok, type Result } from '../../domain/result';
import { DEFAULT_RULES } from '../../domain/rules-defaults';
import type { BasisPoints } from '../../domain/money';
import type { Campaign, LegalStatus, RuleParams } from '../../domain/types';
import * as read from '../restore/restore-values';
import { cellDiagnostic, fileDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
import {
  FTE_TARGET_PREFIX,
  METADATA_KEYS,
  SCENARIO_FILE_SHEETS,
  type MetadataName,
} from './scenario-file-format';
import type { MetadataValue } from './scenario-file-migrate';
import { readLegalStatus, readPaymentSchedule } from '../value-labels';
import type { CellValue } from '../workbook-data';

const SHEET = SCENARIO_FILE_SHEETS.metadata;

export interface RestoredMetadata {
  campaign: Campaign;
  scenarioId: string;
  scenarioName: string;
  createdAt: string;
  updatedAt: string;
  exportedAt: string | null;
  appVersion: string;
  /** Region codes in the scenario's order; null when the file does not say. */
  regionCodes: string[] | null;
  fteTargets: ReadonlyMap<string, Fte>;
  /** Count and Σ State amounts when saved, to tell a file edited since. */
  check: { positions: number | null; committed: Cents | null };
  journalOmitted: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

class MetadataReader {
  constructor(
    private readonly metadata: ReadonlyMap<string, MetadataValue>,
    readonly out: FileDiagnostic[],
  ) {}

  cell(name: MetadataName): MetadataValue | undefined {
    return this.metadata.get(METADATA_KEYS[name][0]);
  }

  /** The value read, or the fallback with a warning that names the key and what was kept. */
  get<T>(name: MetadataName, reader: (v: CellValue) => Result<T>, fallback: T, kept: string): T {
    const found = this.cell(name);
    const [key, description] = METADATA_KEYS[name];
    if (!found || read.isBlank(found.value)) {
      const where = `${description} (« ${key} ») absent : ${kept}`;
      this.out.push(
        found ? cellDiagnostic(SHEET, found.row, 'B', where) : fileDiagnostic(where, 'warning', SHEET),
      );
      return fallback;
    }
    const r = reader(found.value);
    if (r.ok) return r.value;
    this.out.push(cellDiagnostic(SHEET, found.row, 'B', `${description} : ${r.message} : ${kept}`));
    return fallback;
  }
}

const text = (max: number) => (v: CellValue) => read.readText(v, true, max);

function readRate(v: CellValue): Result<BasisPoints> {
  let bp: number;
  if (typeof v === 'number') {
    bp = Math.round(v * 10_000);
    if (Math.abs(v * 10_000 - bp) > 1e-6)
      return err(`taux illisible « ${read.shown(v)} » : plus fin que 0,01 %`);
  } else {
    const parsed = parsePercent(read.cellText(v));
    if (!parsed.ok) return parsed;
    bp = parsed.value;
  }
  return bp >= 0 && bp <= 10_000 ? ok(bp) : err(`taux illisible « ${read.shown(v)} » (attendu 0 à 100 %)`);
}

function readStatuses(out: FileDiagnostic[], row: number) {
  return (v: CellValue): Result<readonly LegalStatus[]> => {
    const list: LegalStatus[] = [];
    for (const part of read
      .cellText(v)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const status = readLegalStatus(part);
      if (status.ok && !list.includes(status.value)) list.push(status.value);
      else if (!status.ok)
        out.push(cellDiagnostic(SHEET, row, 'B', `statut juridique inconnu « ${part.slice(0, 80)} » ignoré`));
    }
    return ok(list);
  };
}

function readCeiling(v: CellValue): Result<Cents | null> {
  if (typeof v === 'string' && /^\s*aucun\s*$/i.test(v)) return ok(null);
  const amount = read.readAmount(v);
  return amount.ok && amount.value === 0 ? ok(null) : amount;
}

function readDateTime(v: CellValue): Result<string> {
  const t = read.cellText(v);
  return ISO_DATE_TIME.test(t) && Number.isFinite(Date.parse(t))
    ? ok(t)
    : err(`date et heure illisibles « ${t.slice(0, 40)} »`);
}

function rules(r: MetadataReader): RuleParams {
  const d = DEFAULT_RULES;
  return {
    maxStateRate: r.get('maxStateRate', readRate, d.maxStateRate, '70 % retenu'),
    minCoFundingRate: r.get('minCoFundingRate', readRate, d.minCoFundingRate, '30 % retenu'),
    maxAllStateRate: r.get('maxAllStateRate', readRate, d.maxAllStateRate, '80 % retenu'),
    allStateRateStatuses: r.get(
      'allStateRateStatuses',
      readStatuses(r.out, r.cell('allStateRateStatuses')?.row ?? 1),
      d.allStateRateStatuses,
      'collectivités territoriales et groupements retenus',
    ),
    stateCeilingPerFte: r.get('stateCeilingPerFte', readCeiling, null, 'aucun plafond retenu'),
    minFtePerStructureRole: r.get('minFte', read.readFte, d.minFtePerStructureRole, '0,5 ETP retenu'),
    maxConventionYears: r.get(
      'maxConventionYears',
      (v) => read.readInteger(v, 1, 10, 'durée', /^(\d{1,2})\b/),
      d.maxConventionYears,
      '3 ans retenus',
    ),
  };
}

function regionCodes(r: MetadataReader): string[] | null {
  const found = r.cell('regionCodes');
  if (!found) return null;
  const codes: string[] = [];
  for (const part of read
    .cellText(found.value)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const region = regionByCode(part);
    if (region && !codes.includes(region.code)) codes.push(region.code);
    else if (!region)
      r.out.push(cellDiagnostic(SHEET, found.row, 'B', `région inconnue « ${part.slice(0, 40)} » ignorée`));
  }
  return codes;
}

function fteTargets(metadata: ReadonlyMap<string, MetadataValue>, out: FileDiagnostic[]): Map<string, Fte> {
  const targets = new Map<string, Fte>();
  for (const [key, { value, row }] of metadata) {
    if (!key.startsWith(FTE_TARGET_PREFIX)) continue;
    const region = regionByCode(key.slice(FTE_TARGET_PREFIX.length));
    const fte = read.readFte(value);
    if (region && fte.ok) targets.set(region.code, fte.value);
    else
      out.push(
        cellDiagnostic(
          SHEET,
          row,
          region ? 'B' : 'A',
          `objectif d’ETP ignoré : ${fte.ok ? 'région inconnue' : fte.message}`,
        ),
      );
  }
  return targets;
}

/** The metadata as typed values; an error only when the campaign year cannot be read. */
export function restoreMetadata(
  metadata: ReadonlyMap<string, MetadataValue>,
  fileName: string,
  out: FileDiagnostic[],
): Result<RestoredMetadata> {
  const r = new MetadataReader(metadata, out);
  const yearCell = r.cell('campaignYear');
  const year = read.readInteger(yearCell?.value ?? null, 2000, 2100, 'année de campagne', /^(\d{4})$/);
  if (!year.ok)
    return err(
      `Le fichier « ${fileName} » n’indique pas l’année de sa campagne (${year.message}) : il ne peut pas être ouvert.`,
    );
  const y = year.value;
  const exportedAt = r.cell('exportedAt')
    ? r.get('exportedAt', readDateTime, null as string | null, 'date inconnue')
    : null;
  const campaign: Campaign = {
    id: r.get('campaignId', read.readId, null as string | null, `aap-${y} retenu`) ?? `aap-${y}`,
    year: y,
    label: r.get('campaignLabel', text(200), `AAP ${y}`, `« AAP ${y} » retenu`),
    nationalEnvelope: r.get('nationalEnvelope', read.readAmount, 0 as Cents, '0 € retenu'),
    rules: rules(r),
    defaultConventionStart:
      r.get('conventionStart', read.readDate, null, `01/11/${y} retenu`) ?? `${y}-11-01`,
    defaultConventionEnd:
      r.get('conventionEnd', read.readDate, null, `31/10/${y + 1} retenu`) ?? `${y + 1}-10-31`,
    defaultPaymentSchedule: r.get(
      'paymentSchedule',
      (v) => readPaymentSchedule(read.cellText(v)),
      'atSignature',
      '100 % à la signature retenu',
    ),
  };
  const fallbackDate = exportedAt ?? `${y}-01-01T00:00:00.000Z`;
  const optional = <T>(name: MetadataName, reader: (v: CellValue) => Result<T>): T | null => {
    const found = r.cell(name);
    return found && !read.isBlank(found.value)
      ? r.get(name, reader, null as T | null, 'contrôle ignoré')
      : null;
  };
  return ok({
    campaign,
    scenarioId: r.get('scenarioId', read.readId, null as string | null, 'nouvel identifiant') ?? 'fichier',
    scenarioName: r.get('scenarioName', text(120), fileName.replace(/\.[^.]*$/, ''), 'nom du fichier retenu'),
    createdAt: r.get('createdAt', readDateTime, fallbackDate, 'date d’enregistrement retenue'),
    updatedAt: r.get('updatedAt', readDateTime, fallbackDate, 'date d’enregistrement retenue'),
    exportedAt,
    appVersion: read.cellText(r.cell('appVersion')?.value ?? null).slice(0, 40),
    regionCodes: regionCodes(r),
    fteTargets: fteTargets(metadata, out),
    check: {
      positions: optional('positionCount', (v) => read.readInteger(v, 0, 10_000_000, 'nombre', /^(\d+)$/)),
      committed: optional('committed', read.readAmount),
    },
    journalOmitted: optional('journalOmitted', (v) => read.readInteger(v, 0, 1e9, 'nombre', /^(\d+)$/)) ?? 0,
  });
}

/** Keys of Métadonnées this version reads; others are reported and ignored. */
export function isKnownMetadataKey(key: string): boolean {
  return key.startsWith(FTE_TARGET_PREFIX) || Object.values(METADATA_KEYS).some(([k]) => k === key);
}
