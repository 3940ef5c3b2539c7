// Scenario files: save then open gives back the same scenario and change log; guard refusals with their
// reasons (not a scenario file, newer format, unreadable version); the migration chain; files edited by hand
// are re-validated with the import's diagnostics; nothing from a file reaches Object.prototype.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { demoScenario } from '../../../src/domain/demo/index';
import { generateScenario } from '../../../src/domain/demo/generate';
import { recompute } from '../../../src/domain/recompute';
import { buildWorkbook } from '../../../src/io/export/export-workbook';
import { readWorkbookBytes } from '../../../src/io/read/read-workbook';
import { formatFileDiagnostic } from '../../../src/io/scenario-file/scenario-file-diagnostics';
import {
  migrateScenarioFile,
  guardScenarioFile,
  type Migration,
} from '../../../src/io/scenario-file/scenario-file-migrate';
import { readScenarioFile } from '../../../src/io/scenario-file/scenario-file-read';
import { scenarioFileName } from '../../../src/io/scenario-file/scenario-file-format';
import {
  counter,
  metadataRow,
  richScenario,
  sampleJournal,
  savedWorkbook,
  withCell,
  SAVED_AT,
  saveBytes,
} from './scenario-file-helpers';

function open(wb: Awaited<ReturnType<typeof savedWorkbook>>) {
  const r = readScenarioFile(wb, { newId: counter() });
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const messages = (o: ReturnType<typeof open>) => o.diagnostics.map(formatFileDiagnostic);

/** The rich scenario saved once, for the tests that change a copy of it. */
const RICH_SAVED = await savedWorkbook(richScenario());

describe('enregistrer puis ouvrir un scénario', () => {
  it('rend le même scénario, champ par champ et au centime, et le même journal', async () => {
    const source = richScenario();
    const journal = sampleJournal();
    const opened = open(await savedWorkbook(source, journal));
    expect(messages(opened)).toEqual([]);
    expect(opened.ignored).toEqual([]);
    expect(opened.scenario).toEqual(source);
    expect(opened.changeLog).toEqual(journal);
    expect(opened.formatVersion).toBe(1);
    expect(opened.appVersion).toBe('0.1.0');
    expect(opened.exportedAt).toBe(SAVED_AT);
    expect(recompute(opened.scenario).national).toEqual(recompute(source).national);
  });

  it('rend la démonstration et un scénario vide tels quels', async () => {
    const demo = demoScenario('2026-11-22T00:00:00.000Z');
    expect(open(await savedWorkbook(demo)).scenario).toEqual(demo);
    const empty = { ...demo, structures: [], positions: [] };
    expect(open(await savedWorkbook(empty)).scenario).toEqual(empty);
  });

  it('rend 5 000 postes générés sans perte', async () => {
    const big = generateScenario(5_000);
    expect(open(await savedWorkbook(big)).scenario).toEqual(big);
  }, 60_000);

  it.each(['ods', 'xlsx', 'biff8'] as const)(
    'rend le même scénario après un réenregistrement par un tableur (%s, sans formules)',
    async (bookType) => {
      const source = richScenario();
      const book = XLSX.read(await saveBytes(source, sampleJournal()), { type: 'array', cellNF: true });
      const resaved: unknown = XLSX.write(book, { type: 'buffer', bookType });
      const name = `copie.${bookType === 'biff8' ? 'xls' : bookType}`;
      const opened = open(readWorkbookBytes(name, resaved as Uint8Array));
      expect(messages(opened)).toEqual([]);
      expect(opened.scenario).toEqual(source);
      expect(opened.changeLog).toEqual(sampleJournal());
    },
  );

  it('nomme le fichier scenario-<nom>-<date>.xlsx sans caractère interdit', () => {
    expect(scenarioFileName(richScenario(), SAVED_AT)).toBe("scenario-Démo-l'Aude-«-test-»-2026-11-22.xlsx");
    expect(scenarioFileName({ ...richScenario(), name: 'a/b:c*?' }, SAVED_AT)).toBe(
      'scenario-a-b-c-2026-11-22.xlsx',
    );
  });
});

describe('garde', () => {
  const wb = RICH_SAVED;
  const versionRow = metadataRow(wb, 'format.version');

  it('refuse un fichier d’une version de format plus récente, avec la raison', () => {
    const r = readScenarioFile(withCell(wb, 'Métadonnées', versionRow, 1, 2));
    expect(r).toEqual({
      ok: false,
      message:
        "Ce fichier a été enregistré par une version plus récente du planificateur (format 2) : mettez l'application à jour pour l'ouvrir.",
    });
  });

  it.each([
    ['0', 0],
    ['texte', 'un'],
    ['décimal', 1.5],
    ['vide', null],
  ])('refuse une version de format illisible (%s)', (_, value) => {
    const r = readScenarioFile(withCell(wb, 'Métadonnées', versionRow, 1, value));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('version de format illisible');
  });

  it('refuse un classeur exporté (sans Métadonnées) en renvoyant vers l’import', async () => {
    const s = richScenario();
    const bytes = await buildWorkbook(s, recompute(s), { bookType: 'xlsx' });
    const r = readScenarioFile(readWorkbookBytes('export.xlsx', bytes));
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Le fichier « export\.xlsx » n’est pas un fichier de scénario.*feuille « Métadonnées » absente.*Importer un classeur/,
      ),
    });
  });

  it('refuse un autre type de fichier', () => {
    const r = readScenarioFile(withCell(wb, 'Métadonnées', metadataRow(wb, 'format.type'), 1, 'autre-chose'));
    expect(r.ok ? '' : r.message).toContain('type de fichier « autre-chose »');
  });

  it('refuse un fichier sans année de campagne', () => {
    const r = readScenarioFile(withCell(wb, 'Métadonnées', metadataRow(wb, 'campaign.year'), 1, 'bientôt'));
    expect(r.ok ? '' : r.message).toContain('n’indique pas l’année de sa campagne');
  });
});

describe('migration', () => {
  const guarded = guardScenarioFile(RICH_SAVED);
  if (!guarded.ok) throw new Error(guarded.message);

  it('la version courante passe sans étape', () => {
    const r = migrateScenarioFile(guarded.value);
    expect(r.ok && r.value).toBe(guarded.value);
  });

  it('applique les étapes dans l’ordre jusqu’à la version visée', () => {
    const seen: number[] = [];
    const chain: Migration[] = [2, 1].map((from) => ({
      from,
      migrate: (f) => {
        seen.push(f.version);
        return { ...f, metadata: new Map([...f.metadata, [`v${from + 1}`, { value: 'ok', row: 0 }]]) };
      },
    }));
    const r = migrateScenarioFile(guarded.value, chain, 3);
    expect(seen).toEqual([1, 2]);
    expect(r.ok && r.value.version).toBe(3);
    expect(r.ok && [...r.value.metadata.keys()].slice(-2)).toEqual(['v2', 'v3']);
  });

  it('dit quand une étape manque', () => {
    expect(migrateScenarioFile(guarded.value, [], 2)).toEqual({
      ok: false,
      message: 'Aucune conversion connue depuis le format 1 : fichier non ouvert.',
    });
  });
});

describe('fichier modifié à la main dans Excel ou LibreOffice', () => {
  const source = richScenario();
  const wb = RICH_SAVED;

  it('revalide les postes avec les diagnostics de l’import et signale la modification', () => {
    // Postes!J3 (Part État of the second position) typed as text that cannot be read.
    const opened = open(withCell(wb, 'Postes', 2, 9, '12,5 k€'));
    expect(opened.scenario.positions).toHaveLength(source.positions.length - 1);
    expect(messages(opened)).toContain(
      'Feuille « Postes », ligne 3, colonne J : montant illisible « 12,5 k€ »',
    );
    expect(
      messages(opened).some((m) => m.startsWith('Le fichier a été modifié après son enregistrement')),
    ).toBe(true);
  });

  it('garde une valeur lisible tapée en français et un nouveau poste sans identifiant', () => {
    const edited = withCell(withCell(wb, 'Postes', 1, 9, '27 000,50 €'), 'Postes', 1, 0, null);
    const opened = open(edited);
    const first = opened.scenario.positions[0]!;
    expect(first).toMatchObject({ id: 'p-nouveau-1', stateAmount: 2_700_050 });
    expect(first.structureId).toBe(source.positions[0]!.structureId);
  });

  it('donne un nouvel identifiant à un poste copié avec le même identifiant', () => {
    const id = source.positions[0]!.id;
    const opened = open(withCell(wb, 'Postes', 2, 0, id));
    expect(opened.scenario.positions.map((p) => p.id)).toContain('p-nouveau-1');
    expect(messages(opened)).toContain(
      `Feuille « Postes », ligne 3, colonne A : identifiant « ${id} » en double : nouvel identifiant « p-nouveau-1 »`,
    );
  });

  it('rattache un poste à la structure dont on a tapé le nom, et garde les identifiants des autres', () => {
    const target = source.structures.find((st) => st.id !== source.positions[0]!.structureId)!;
    const opened = open(withCell(wb, 'Postes', 1, 3, target.name));
    expect(opened.scenario.positions[0]!.structureId).toBe(target.id);
    expect(opened.scenario.positions.slice(1)).toEqual(source.positions.slice(1));
    expect(opened.scenario.structures.map((st) => st.id)).toEqual(source.structures.map((st) => st.id));
  });

  it('crée une structure pour un nom nouveau et garde l’ancienne', () => {
    const opened = open(withCell(wb, 'Postes', 1, 3, 'Nouvelle structure d’insertion'));
    const created = opened.scenario.structures.at(-1)!;
    expect(created).toMatchObject({ id: 's-nouveau-1', name: 'Nouvelle structure d’insertion' });
    expect(opened.scenario.positions[0]!.structureId).toBe('s-nouveau-1');
    expect(opened.scenario.structures.slice(0, -1)).toEqual(source.structures);
  });

  it('valide chaque paramètre de campagne et retient la valeur par défaut hors limites', () => {
    const row = metadataRow(wb, 'rules.maxStateRate');
    const opened = open(withCell(wb, 'Métadonnées', row, 1, 1.7));
    expect(opened.scenario.campaign.rules.maxStateRate).toBe(7000);
    expect(messages(opened)).toContain(
      `Feuille « Métadonnées », ligne ${row + 1}, colonne B : Part État maximale : taux illisible « 1,7 » (attendu 0 à 100 %) : 70 % retenu`,
    );
    const typed = open(withCell(wb, 'Métadonnées', row, 1, '65 %'));
    expect(typed.scenario.campaign.rules.maxStateRate).toBe(6500);
    const missing = open(withCell(wb, 'Métadonnées', row, 0, null));
    expect(missing.scenario.campaign.rules.maxStateRate).toBe(7000);
    expect(messages(missing)).toContain(
      'Feuille « Métadonnées » : Part État maximale (« rules.maxStateRate ») absent : 70 % retenu',
    );
  });

  it('lit les enveloppes régionales corrigées dans la Synthèse', () => {
    const summary = wb.sheets.find((s) => s.name === 'Synthèse')!;
    const r = summary.rows.findIndex((row) => row[1] === '76');
    const opened = open(withCell(wb, 'Synthèse', r, 2, 400_000.01));
    expect(opened.scenario.regions.find((x) => x.regionCode === '76')!.envelope).toBe(40_000_001);
  });
});

describe('rien du fichier n’atteint Object.prototype', () => {
  it('ignore les clés __proto__ et constructor de Métadonnées et du journal', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    let wb = await savedWorkbook(richScenario(), sampleJournal());
    const meta = wb.sheets.find((s) => s.name === 'Métadonnées')!;
    const last = meta.rows.length;
    wb = withCell(wb, 'Métadonnées', last, 0, '__proto__');
    wb = withCell(wb, 'Métadonnées', last, 1, '{"polluted":true}');
    wb = withCell(wb, 'Métadonnées', last + 1, 0, 'constructor');
    wb = withCell(wb, 'Métadonnées', last + 1, 1, 'x');
    const hostile =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ok":[1,{"__proto__":{"polluted":true}}]}';
    wb = withCell(wb, 'Journal', 1, 7, hostile);
    const opened = open(wb);
    expect(opened.changeLog[0]!.newValue).toEqual({ ok: [1, {}] });
    expect(Object.getPrototypeOf(opened.changeLog[0]!.newValue)).toBe(Object.prototype);
    expect(Object.keys(opened.changeLog[0]!.newValue as object)).toEqual(['ok']);
    expect(messages(opened)).toEqual(
      expect.arrayContaining([
        `Feuille « Métadonnées », ligne ${last + 1}, colonne A : clé inconnue « __proto__ » ignorée`,
        `Feuille « Métadonnées », ligne ${last + 2}, colonne A : clé inconnue « constructor » ignorée`,
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(opened.scenario).toEqual(richScenario());
  });

  it('écarte les lignes du journal illisibles et garde les autres', async () => {
    let wb = await savedWorkbook(richScenario(), sampleJournal());
    wb = withCell(wb, 'Journal', 1, 0, 'hier');
    wb = withCell(wb, 'Journal', 2, 3, 'inconnue');
    wb = withCell(wb, 'Journal', 3, 2, 'pirate');
    wb = withCell(wb, 'Journal', 4, 6, '{pas du json');
    const opened = open(wb);
    expect(opened.changeLog).toHaveLength(2);
    expect(opened.changeLog[0]!.source).toBe('restore');
    expect(opened.changeLog[1]!.oldValue).toBe('{pas du json');
    expect(messages(opened)).toEqual([
      'Feuille « Journal », ligne 2, colonne A : date illisible « hier » : ligne du journal ignorée',
      'Feuille « Journal », ligne 3, colonne D : entité inconnue « inconnue » : ligne du journal ignorée',
      'Feuille « Journal », ligne 4, colonne C : origine inconnue « pirate » : « restauration » retenue',
      'Feuille « Journal », ligne 5, colonne G : valeur JSON illisible : conservée comme texte',
    ]);
  });
});
