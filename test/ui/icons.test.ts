// The app loads only the DSFR icons it shows (src/ui/icons.css), not DSFR's whole icon sheet: every `fr-icon-*`
// class used in src/ must be declared there, with an icon file that exists, or the icon would show as a blank square.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const ICONS_CSS = join(SRC, 'ui', 'icons.css');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

const used = new Set(
  sourceFiles(SRC).flatMap((file) => readFileSync(file, 'utf8').match(/\bfr-icon-[a-z0-9-]+/g) ?? []),
);
const css = readFileSync(ICONS_CSS, 'utf8');
/** class → the icon files its rule points at. */
const declared = new Map<string, string[]>();
for (const rule of css.matchAll(/\.(fr-icon-[a-z0-9-]+)::before,\s*\.\1::after\s*\{([^}]*)\}/g)) {
  const files = [...rule[2]!.matchAll(/url\('([^']+)'\)/g)].map((m) => resolve(dirname(ICONS_CSS), m[1]!));
  declared.set(rule[1]!, files);
}

describe('DSFR icons', () => {
  it('are used by the app (the scan finds them)', () => {
    expect(used.size).toBeGreaterThan(0);
  });

  it.each([...used].sort())(
    '%s is declared in src/ui/icons.css, both masks on an existing icon file',
    (name) => {
      const files = declared.get(name);
      expect(files, `${name} absent de src/ui/icons.css`).toHaveLength(2);
      expect(new Set(files).size).toBe(1);
      expect(existsSync(files![0]!), files![0]).toBe(true);
      expect(files![0]).toMatch(new RegExp(`/${name.slice('fr-icon-'.length)}\\.svg$`));
    },
  );

  it('declares no icon the app does not use', () => {
    expect([...declared.keys()].filter((name) => !used.has(name))).toEqual([]);
  });
});
