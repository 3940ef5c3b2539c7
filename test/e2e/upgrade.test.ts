// A schema upgrade in the real browser loses nothing: a database as the previous release (schema version 2, one
// row per position) stored it is opened by this build, which packs the records in buckets (version 3). The
// scenario, its figures, the undo stack and the settings are there, and the first edit after the upgrade is stored
// and survives a restart.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { V2_ROWS } from '../storage/fixtures/v2-rows';
import { openApp } from './browser';
import { cellText, summaryCents, typeInCell, waitUntilSaved } from './grid';
import { installedDatabase, writeOlderVersion } from './older-version';

const view = { width: 1900, height: 1000 };

describe('mise à jour du schéma', () => {
  it('ouvre les données de la version précédente sans rien perdre, et la suite est enregistrée', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'upgrade-e2e-'));
    const first = await openApp({ userDataDir: profile, viewport: view, navigate: false });
    try {
      await writeOlderVersion(first.page, first.baseUrl, 2, V2_ROWS as Record<string, object[]>);
      await first.page.goto(first.baseUrl);
      const postes = first.page.getByRole('grid', { name: 'Postes', exact: true });
      await postes.getByRole('row').filter({ hasText: 'Avenant n° 2' }).first().waitFor();
      expect(await postes.getByRole('row').filter({ hasText: 'PLIE DU GARD' }).count()).toBe(2);
      expect(await cellText(first.page, 'Postes', 'Avenant n° 2', 'Part État')).toBe('36 641,96 €');
      expect(await summaryCents(first.page, 'Engagée')).toBe(2_800_000 + 3_664_196);
      expect(await first.page.getByRole('button', { name: 'Annuler', exact: true }).isEnabled()).toBe(true);
      expect(await installedDatabase(first.page)).toEqual({
        version: 30,
        stores: ['changes', 'history', 'meta', 'positionBuckets', 'scenarios', 'structureBuckets'],
      });

      await typeInCell(first.page, 'Postes', 'Avenant n° 2', 'Part État', '36 000');
      await expect
        .poll(() => cellText(first.page, 'Postes', 'Avenant n° 2', 'Part État'))
        .toBe('36 000,00 €');
      await waitUntilSaved(first.page);
      expect(first.pageErrors).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await openApp({ userDataDir: profile, viewport: view });
    try {
      const postes = second.page.getByRole('grid', { name: 'Postes', exact: true });
      await postes.getByRole('row').filter({ hasText: 'Avenant n° 2' }).first().waitFor();
      expect(await cellText(second.page, 'Postes', 'Avenant n° 2', 'Part État')).toBe('36 000,00 €');
      expect(await summaryCents(second.page, 'Engagée')).toBe(2_800_000 + 3_600_000);
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
