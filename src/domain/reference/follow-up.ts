// Follow-up services of a convention (`DDETS 30`, `DDETSPP 11`, `DREETS`…): tolerant reading into a normalised form.
import { ok, err, type Result } from '../result';
import { departmentByCode, findDepartment } from './departments';
import { findRegion } from './regions';

/**
 * DDETS / DDETSPP: departmental directorates; UD: departmental unit of a regional directorate
 * (Paris and the inner ring in Île-de-France); DREETS, DRIEETS (Île-de-France), DEETS (overseas):
 * regional directorates; DIRECCTE: their name before 2021, found in older workbooks; DGEFP: national.
 */
export type FollowUpKind = 'DDETS' | 'DDETSPP' | 'UD' | 'DREETS' | 'DRIEETS' | 'DEETS' | 'DIRECCTE' | 'DGEFP';

export interface FollowUpService {
  kind: FollowUpKind;
  /** Department followed (`30`, `2A`, `974`), or null for a regional or national service named alone. */
  departmentCode: string | null;
  /** Region of the service when known: named (`DREETS Occitanie`), implied by the department, or Île-de-France for the DRIEETS. */
  regionCode: string | null;
  /** Normalised label: `DDETSPP 11`, `DREETS`, `DREETS Occitanie`, `UD DRIEETS 93`. */
  label: string;
}

const REGIONAL_KINDS: readonly FollowUpKind[] = ['DREETS', 'DRIEETS', 'DEETS', 'DIRECCTE'];
const KIND_WORDS: Readonly<Record<string, FollowUpKind>> = {
  DDETS: 'DDETS',
  DDETSPP: 'DDETSPP',
  DREETS: 'DREETS',
  DRIEETS: 'DRIEETS',
  DEETS: 'DEETS',
  DIRECCTE: 'DIRECCTE',
  DGEFP: 'DGEFP',
};
/** Small words between the service and its place: `DDETS de l'Aude`, `DREETS d'Occitanie`. */
const LINK_WORDS = new Set(['DE', 'DU', 'DES', 'D', 'LA', 'L', 'EN']);

/** Reads a follow-up service as typed or imported; `ddets30`, `DDETS-PP 48`, `UD DREETS 31` are accepted. */
export function parseFollowUpService(text: string): Result<FollowUpService> {
  const words = toWords(text);
  if (words.length === 0) return err('Service de suivi vide');
  const isUnit = words[0] === 'UD';
  if (isUnit) words.shift();
  let kind = KIND_WORDS[words[0] ?? ''];
  if (kind) words.shift();
  if (kind === 'DDETS' && words[0] === 'PP') {
    kind = 'DDETSPP';
    words.shift();
  }
  while (words.length > 0 && LINK_WORDS.has(words[0] ?? '')) words.shift();
  const place = words.join(' ');
  let service: FollowUpService | undefined;
  if (isUnit) service = parseUnit(kind, place);
  else if (kind)
    service = REGIONAL_KINDS.includes(kind) ? parseRegional(kind, place) : parseDepartmental(kind, place);
  return service ? ok(service) : err(`Service de suivi illisible : « ${text.trim()} »`);
}

/** Upper-case words without accents; letters and digits split (`DDETS30` → `DDETS 30`, `2A` kept whole). */
function toWords(text: string): string[] {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/([A-Z])(\d)/g, '$1 $2');
  return plain.split(/[^A-Z0-9]+/).filter((word) => word.length > 0);
}

function departmental(kind: FollowUpKind, code: string): FollowUpService | undefined {
  const department = departmentByCode(code) ?? findDepartment(code);
  if (!department) return undefined;
  const prefix = kind === 'UD' ? `UD ${unitParent(department.regionCode)}` : kind;
  const label = `${prefix} ${department.code}`;
  return { kind, departmentCode: department.code, regionCode: department.regionCode, label };
}

function unitParent(regionCode: string): string {
  if (regionCode === '11') return 'DRIEETS';
  return /^0\d$/.test(regionCode) ? 'DEETS' : 'DREETS';
}

function parseDepartmental(kind: FollowUpKind, place: string): FollowUpService | undefined {
  // A DDETS named without its department is kept: the position's department tells which one.
  if (place === '') return { kind, departmentCode: null, regionCode: null, label: kind };
  return kind === 'DGEFP' ? undefined : departmental(kind, place);
}

function parseUnit(parent: FollowUpKind | undefined, place: string): FollowUpService | undefined {
  if (parent !== undefined && !REGIONAL_KINDS.includes(parent)) return undefined;
  if (place === '') return undefined;
  return departmental('UD', place);
}

function parseRegional(kind: FollowUpKind, place: string): FollowUpService | undefined {
  if (place === '') {
    const regionCode = kind === 'DRIEETS' ? '11' : null;
    return { kind, departmentCode: null, regionCode, label: kind };
  }
  const region = findRegion(place);
  if (region && !/^\d+$/.test(place)) {
    if (kind === 'DRIEETS' && region.code !== '11') return undefined;
    return { kind, departmentCode: null, regionCode: region.code, label: `${kind} ${region.name}` };
  }
  const service = departmental(kind, place);
  if (service && kind === 'DRIEETS' && service.regionCode !== '11') return undefined;
  return service;
}
