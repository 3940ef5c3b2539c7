// A clone of this repository tests on its own (`npm ci && npm test` with nothing beside it): no file under src/
// or test/ names a path outside it. The workbooks the tests read are copies in test/fixtures (see its README).
// This file is the only one not scanned, as it spells out the paths it looks for.
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** The folder beside the repository the tests once read their workbooks from. */
const SHARED = ['..', 'shared'].join('/'); // built, so that no tool finds the path written here
/** Files whose relative paths are resolved (the others, workbooks included, are only searched for SHARED). */
const TEXT = /\.(ts|js|mjs|svelte|css|html|json|md)$/;
/** A relative path that climbs: `../x`, `../../x/${name}` (up to the first quote, space, `$` or bracket). */
const CLIMB = /(?<![\w./-])(?:\.\.\/)+[^\s'"`$(){}[\]<>,;*]*/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function isOutside(path: string): boolean {
  const rel = relative(ROOT, path);
  return rel === '..' || rel.startsWith('../') || isAbsolute(rel);
}

/** What in `text`, the content of `file`, points outside the repository: SHARED, or a climbing path. */
export function outsideReferences(file: string, text: string): string[] {
  const found = text.includes(SHARED) ? [SHARED] : [];
  if (!TEXT.test(file)) return found;
  const climbs = [...text.matchAll(CLIMB)].map((m) => m[0]);
  return [...found, ...climbs.filter((path) => isOutside(resolve(file, '..', path)))];
}

const scanned = ['src', 'test'].flatMap((top) => filesUnder(join(ROOT, top))).filter((f) => f !== SELF);

describe('the repository stands alone', () => {
  it('scans every file of src/ and test/, the fixtures included', () => {
    const names = scanned.map((f) => relative(ROOT, f));
    expect(names).toContain('src/main.ts');
    expect(names).toContain('test/io/helpers.ts');
    expect(names).toContain('test/fixtures/occitanie-postes.xlsx');
    expect(names).toContain('test/fixtures/README.md');
  });

  it('has no file under src/ or test/ that reads beside the repository', () => {
    const offenders = scanned.flatMap((file) =>
      outsideReferences(file, readFileSync(file, 'latin1')).map((ref) => `${relative(ROOT, file)}: ${ref}`),
    );
    expect(offenders).toEqual([]);
  });

  it('would fire on the paths the tests used to read, and not on paths inside the repository', () => {
    const helpers = join(ROOT, 'test/io/helpers.ts');
    expect(
      outsideReferences(helpers, 'new URL(`../../' + SHARED + '/fixtures/${name}`, import.meta.url)'),
    ).toEqual([SHARED, '../../' + SHARED + '/fixtures/']);
    expect(outsideReferences(helpers, "readFileSync('../../../seeds/002.txt')")).toEqual([
      '../../../seeds/002.txt',
    ]);
    expect(outsideReferences(join(ROOT, 'test/fixtures/x.xlsx'), 'PK\u0003\u0004' + SHARED + '/x')).toEqual([
      SHARED,
    ]);
    expect(
      outsideReferences(
        helpers,
        "import { scenario } from '../domain/helpers';\nnew URL(`../fixtures/${name}`, import.meta.url);\n" +
          "import { recompute } from '../../src/domain/recompute';",
      ),
    ).toEqual([]);
  });
});
