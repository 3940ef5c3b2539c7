// Hostile input and broken environments: XSS payloads stay text, the Content-Security-Policy holds with zero
// violations, a browser without IndexedDB gets an explanation instead of a blank page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, type AppSession } from './browser';
import { cell, typeInCell, waitForDemoRows } from './grid';

const XSS = '<img src=x onerror="window.__xss=1">';

describe('contenu hostile et politique de sécurité', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({
      userDataDir: mkdtempSync(join(tmpdir(), 'hardening-e2e-')),
      viewport: { width: 1900, height: 1000 },
      navigate: false,
    });
    await app.page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await app.page.goto(app.baseUrl);
    await waitForDemoRows(app.page);
  });
  afterAll(async () => app?.close());

  it('ships a Content-Security-Policy that forbids outside connections', async () => {
    const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('shows an XSS payload typed in names and notes as text everywhere', async () => {
    const page = app.page;
    await typeInCell(page, 'Postes', 'UD SIAE', 'Observations', XSS);
    await typeInCell(page, 'Postes', 'UD SIAE', 'Structure', XSS);
    const structureCell = await cell(page, 'Postes', XSS, 'Structure');
    await expect.poll(async () => normalizeSpaces(await structureCell.innerText())).toContain(XSS);
    for (const tab of [
      'Anomalies',
      'Journal des modifications',
      'Régions',
      'Tableau de bord',
      'Pluriannuel',
      'Scénarios',
      'Postes',
    ]) {
      await page.getByRole('tab', { name: new RegExp(tab) }).click();
    }
    await page.getByRole('tab', { name: 'Journal des modifications' }).click();
    expect(normalizeSpaces(await page.getByRole('table', { name: /Journal/ }).innerText())).toContain(XSS);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('raised no CSP violation, no page error and no outside request during the session', async () => {
    expect(
      await app.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    ).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('navigateur sans IndexedDB', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ navigate: false });
    await app.page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await app.page.goto(app.baseUrl);
  });
  afterAll(async () => app?.close());

  it('explains that local storage is unavailable instead of a blank page', async () => {
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(normalizeSpaces(await alert.innerText())).toContain('Stockage local indisponible');
    expect(await app.page.getByRole('button', { name: 'Recharger la page' }).count()).toBe(1);
  });
});
