// The 18 French regions (official INSEE codes) and a tolerant lookup for what staff type or import.
import type { RegionRef } from '../types';

/** The 18 regions, in the order DGEFP workbooks list them (metropolitan A→Z, then overseas). */
export const REGIONS: readonly RegionRef[] = Object.freeze([
  { code: '84', name: 'Auvergne-Rhône-Alpes' },
  { code: '27', name: 'Bourgogne-Franche-Comté' },
  { code: '53', name: 'Bretagne' },
  { code: '24', name: 'Centre-Val de Loire' },
  { code: '94', name: 'Corse' },
  { code: '44', name: 'Grand Est' },
  { code: '32', name: 'Hauts-de-France' },
  { code: '11', name: 'Île-de-France' },
  { code: '28', name: 'Normandie' },
  { code: '75', name: 'Nouvelle-Aquitaine' },
  { code: '76', name: 'Occitanie' },
  { code: '52', name: 'Pays de la Loire' },
  { code: '93', name: "Provence-Alpes-Côte d'Azur" },
  { code: '01', name: 'Guadeloupe' },
  { code: '02', name: 'Martinique' },
  { code: '03', name: 'Guyane' },
  { code: '04', name: 'La Réunion' },
  { code: '06', name: 'Mayotte' },
]);

/** Common abbreviations and usual names, as comparison keys (see referenceKey). */
const REGION_ALIASES: Readonly<Record<string, string>> = {
  aura: '84',
  ara: '84',
  bfc: '27',
  cvl: '24',
  centre: '24',
  hdf: '32',
  idf: '11',
  paca: '93',
  sud: '93',
  regionsud: '93',
  reunion: '04',
};

/**
 * Comparison key for a place name: no accents, no case, no punctuation or spaces, `St`/`Ste` spelled out.
 * `Côtes-d’Armor`, `cotes d'armor` and `COTES DARMOR` all give `cotesdarmor`.
 */
export function referenceKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .split(/[^a-z0-9]+/)
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join('');
}

const REGIONS_BY_CODE: ReadonlyMap<string, RegionRef> = new Map(REGIONS.map((r) => [r.code, r]));

const REGIONS_BY_KEY: ReadonlyMap<string, RegionRef> = buildKeyIndex();

function buildKeyIndex(): Map<string, RegionRef> {
  const index = new Map<string, RegionRef>();
  for (const region of REGIONS) index.set(referenceKey(region.name), region);
  for (const [alias, code] of Object.entries(REGION_ALIASES)) {
    const region = REGIONS_BY_CODE.get(code);
    if (region) index.set(alias, region);
  }
  return index;
}

/** The region with this INSEE code (`76`; `1` is read as `01`), or undefined. */
export function regionByCode(code: string): RegionRef | undefined {
  const trimmed = code.trim();
  return REGIONS_BY_CODE.get(/^\d$/.test(trimmed) ? `0${trimmed}` : trimmed);
}

/**
 * Splits `76 - Occitanie`, `76 Occitanie`, `Occitanie (76)`, `Occitanie - 76` or `Occitanie 76` into code and name;
 * undefined when the text has no such shape. `codePattern` is a regex source for one code, e.g. `\\d{1,2}`.
 */
export function splitCodeAndName(
  text: string,
  codePattern: string,
): { code: string; name: string } | undefined {
  const leading = new RegExp(`^(${codePattern})(?:\\s*[-–—:]\\s*|\\s+)([^\\d\\s].*)$`, 'i').exec(text);
  if (leading?.[1] && leading[2]) return { code: leading[1], name: leading[2] };
  const trailing = new RegExp(
    `^(.*?[^\\d\\s])(?:(?:\\s*[-–—:]\\s*|\\s+)(${codePattern})|\\s*\\(\\s*(${codePattern})\\s*\\))$`,
    'i',
  ).exec(text);
  const code = trailing?.[2] ?? trailing?.[3];
  if (trailing?.[1] && code) return { code, name: trailing[1] };
  return undefined;
}

/**
 * A region from a code or a name as people write it: `76`, `occitanie`, `ile de france`, `PACA`,
 * `Réunion`, `Région Occitanie`, `76 - Occitanie`. Undefined when nothing matches or code and name disagree.
 */
export function findRegion(text: string): RegionRef | undefined {
  const trimmed = text.trim();
  const byCode = regionByCode(trimmed);
  if (byCode) return byCode;
  const parts = splitCodeAndName(trimmed, '\\d{1,2}');
  if (!parts) return regionByName(trimmed);
  const region = regionByCode(parts.code);
  return region && regionByName(parts.name) === region ? region : undefined;
}

function regionByName(name: string): RegionRef | undefined {
  const key = referenceKey(name);
  return REGIONS_BY_KEY.get(key) ?? REGIONS_BY_KEY.get(key.replace(/^region/, ''));
}
