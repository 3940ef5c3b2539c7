// The 101 French departments (official codes and names) with their region, and a tolerant lookup.
import type { DepartmentRef } from '../types';
import { referenceKey, splitCodeAndName } from './regions';

function d(code: string, name: string, regionCode: string): DepartmentRef {
  return Object.freeze({ code, name, regionCode });
}

/** All departments in code order (`2A`, `2B` between `19` and `21`), overseas last. */
export const DEPARTMENTS: readonly DepartmentRef[] = Object.freeze([
  d('01', 'Ain', '84'),
  d('02', 'Aisne', '32'),
  d('03', 'Allier', '84'),
  d('04', 'Alpes-de-Haute-Provence', '93'),
  d('05', 'Hautes-Alpes', '93'),
  d('06', 'Alpes-Maritimes', '93'),
  d('07', 'Ardèche', '84'),
  d('08', 'Ardennes', '44'),
  d('09', 'Ariège', '76'),
  d('10', 'Aube', '44'),
  d('11', 'Aude', '76'),
  d('12', 'Aveyron', '76'),
  d('13', 'Bouches-du-Rhône', '93'),
  d('14', 'Calvados', '28'),
  d('15', 'Cantal', '84'),
  d('16', 'Charente', '75'),
  d('17', 'Charente-Maritime', '75'),
  d('18', 'Cher', '24'),
  d('19', 'Corrèze', '75'),
  d('2A', 'Corse-du-Sud', '94'),
  d('2B', 'Haute-Corse', '94'),
  d('21', "Côte-d'Or", '27'),
  d('22', "Côtes-d'Armor", '53'),
  d('23', 'Creuse', '75'),
  d('24', 'Dordogne', '75'),
  d('25', 'Doubs', '27'),
  d('26', 'Drôme', '84'),
  d('27', 'Eure', '28'),
  d('28', 'Eure-et-Loir', '24'),
  d('29', 'Finistère', '53'),
  d('30', 'Gard', '76'),
  d('31', 'Haute-Garonne', '76'),
  d('32', 'Gers', '76'),
  d('33', 'Gironde', '75'),
  d('34', 'Hérault', '76'),
  d('35', 'Ille-et-Vilaine', '53'),
  d('36', 'Indre', '24'),
  d('37', 'Indre-et-Loire', '24'),
  d('38', 'Isère', '84'),
  d('39', 'Jura', '27'),
  d('40', 'Landes', '75'),
  d('41', 'Loir-et-Cher', '24'),
  d('42', 'Loire', '84'),
  d('43', 'Haute-Loire', '84'),
  d('44', 'Loire-Atlantique', '52'),
  d('45', 'Loiret', '24'),
  d('46', 'Lot', '76'),
  d('47', 'Lot-et-Garonne', '75'),
  d('48', 'Lozère', '76'),
  d('49', 'Maine-et-Loire', '52'),
  d('50', 'Manche', '28'),
  d('51', 'Marne', '44'),
  d('52', 'Haute-Marne', '44'),
  d('53', 'Mayenne', '52'),
  d('54', 'Meurthe-et-Moselle', '44'),
  d('55', 'Meuse', '44'),
  d('56', 'Morbihan', '53'),
  d('57', 'Moselle', '44'),
  d('58', 'Nièvre', '27'),
  d('59', 'Nord', '32'),
  d('60', 'Oise', '32'),
  d('61', 'Orne', '28'),
  d('62', 'Pas-de-Calais', '32'),
  d('63', 'Puy-de-Dôme', '84'),
  d('64', 'Pyrénées-Atlantiques', '75'),
  d('65', 'Hautes-Pyrénées', '76'),
  d('66', 'Pyrénées-Orientales', '76'),
  d('67', 'Bas-Rhin', '44'),
  d('68', 'Haut-Rhin', '44'),
  d('69', 'Rhône', '84'),
  d('70', 'Haute-Saône', '27'),
  d('71', 'Saône-et-Loire', '27'),
  d('72', 'Sarthe', '52'),
  d('73', 'Savoie', '84'),
  d('74', 'Haute-Savoie', '84'),
  d('75', 'Paris', '11'),
  d('76', 'Seine-Maritime', '28'),
  d('77', 'Seine-et-Marne', '11'),
  d('78', 'Yvelines', '11'),
  d('79', 'Deux-Sèvres', '75'),
  d('80', 'Somme', '32'),
  d('81', 'Tarn', '76'),
  d('82', 'Tarn-et-Garonne', '76'),
  d('83', 'Var', '93'),
  d('84', 'Vaucluse', '93'),
  d('85', 'Vendée', '52'),
  d('86', 'Vienne', '75'),
  d('87', 'Haute-Vienne', '75'),
  d('88', 'Vosges', '44'),
  d('89', 'Yonne', '27'),
  d('90', 'Territoire de Belfort', '27'),
  d('91', 'Essonne', '11'),
  d('92', 'Hauts-de-Seine', '11'),
  d('93', 'Seine-Saint-Denis', '11'),
  d('94', 'Val-de-Marne', '11'),
  d('95', "Val-d'Oise", '11'),
  d('971', 'Guadeloupe', '01'),
  d('972', 'Martinique', '02'),
  d('973', 'Guyane', '03'),
  d('974', 'La Réunion', '04'),
  d('976', 'Mayotte', '06'),
]);

const BY_CODE: ReadonlyMap<string, DepartmentRef> = new Map(DEPARTMENTS.map((dep) => [dep.code, dep]));

/** Names by comparison key; `La Réunion` is also found as `Réunion`. */
const BY_KEY: ReadonlyMap<string, DepartmentRef> = new Map(
  DEPARTMENTS.flatMap((dep) => {
    const key = referenceKey(dep.name);
    return key.startsWith('la') && dep.name.startsWith('La ')
      ? [
          [key, dep],
          [key.slice(2), dep],
        ]
      : [[key, dep]];
  }),
);

const CODE_PATTERN = '2[AB]|97[1-6]|\\d{1,2}';

/** The department with this code; `1` is read as `01`, `2a` as `2A`. Undefined for unknown codes (`20`, `975`). */
export function departmentByCode(code: string): DepartmentRef | undefined {
  const trimmed = code.trim().toUpperCase();
  return BY_CODE.get(/^\d$/.test(trimmed) ? `0${trimmed}` : trimmed);
}

/**
 * A department from a code or a name as people write it: `11`, `aude`, `Cotes d’Armor`, `11 - Aude`,
 * `Aude (11)`, `Seine-St-Denis`. Undefined when nothing matches or when code and name disagree.
 */
export function findDepartment(text: string): DepartmentRef | undefined {
  const trimmed = text.trim();
  const byCode = departmentByCode(trimmed);
  if (byCode) return byCode;
  const parts = splitCodeAndName(trimmed, CODE_PATTERN);
  if (!parts) return BY_KEY.get(referenceKey(trimmed));
  const department = departmentByCode(parts.code);
  return department && BY_KEY.get(referenceKey(parts.name)) === department ? department : undefined;
}
