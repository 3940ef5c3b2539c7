// Nothing lost across a browser restart with the same profile, and two tabs editing the same position: the
// last write wins visibly in both tabs and the change log keeps both values.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp } from './browser';
import { cellText, typeInCell, waitUntilSaved, waitForDemoRows } from './grid';

const grid = { width: 1900, height: 1000 };

describe('persistance', () => {
  it('finds every edit again after the browser is closed and restarted on the same profile', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'restart-e2e-'));
    const first = await openApp({ userDataDir: profile, viewport: grid });
    await waitForDemoRows(first.page);
    await typeInCell(first.page, 'Postes', 'UD SIAE', 'Part État', '28 765,43');
    await expect.poll(() => cellText(first.page, 'Postes', 'UD SIAE', 'Part État')).toBe('28 765,43 €');
    await waitUntilSaved(first.page);
    await first.close();

    const second = await openApp({ userDataDir: profile, viewport: grid });
    try {
      await waitForDemoRows(second.page);
      expect(await cellText(second.page, 'Postes', 'UD SIAE', 'Part État')).toBe('28 765,43 €');
      expect(await second.page.getByRole('button', { name: 'Annuler', exact: true }).isEnabled()).toBe(true);
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('two tabs editing the same cell: the last write wins in both, the change log keeps both', async () => {
    const app = await openApp({ userDataDir: mkdtempSync(join(tmpdir(), 'same-cell-e2e-')), viewport: grid });
    try {
      await waitForDemoRows(app.page);
      const other = await app.newPage();
      await other.setViewportSize(grid);
      await waitForDemoRows(other);
      await typeInCell(app.page, 'Postes', 'UD SIAE', 'Part État', '28 100');
      await expect
        .poll(() => cellText(other, 'Postes', 'UD SIAE', 'Part État'), { timeout: 5_000 })
        .toBe('28 100,00 €');
      await typeInCell(other, 'Postes', 'UD SIAE', 'Part État', '28 200');
      await expect
        .poll(() => cellText(app.page, 'Postes', 'UD SIAE', 'Part État'), { timeout: 5_000 })
        .toBe('28 200,00 €');
      expect(await cellText(other, 'Postes', 'UD SIAE', 'Part État')).toBe('28 200,00 €');
      await app.page.getByRole('tab', { name: 'Journal des modifications' }).click();
      const log = app.page.getByRole('table', { name: /Journal des modifications/ });
      await expect
        .poll(async () => normalizeSpaces(await log.innerText()))
        .toMatch(/Part État\s+28 100,00 €\s+28 200,00 €/);
      expect(normalizeSpaces(await log.innerText())).toMatch(/Part État\s+29 400,00 €\s+28 100,00 €/);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
