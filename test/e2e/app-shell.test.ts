// The built app opens offline-clean and shows the national summary with the 2026 envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpaces, openApp, type AppSession } from './browser';

describe('coquille de l’application', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('affiche la synthèse nationale avec l’enveloppe de 4 700 000,00 €', async () => {
    const summary = app.page.getByRole('region', { name: 'Synthèse nationale' });
    await summary.waitFor({ state: 'visible', timeout: 15_000 });
    const text = normalizeSpaces(await summary.innerText());
    expect(text).toContain('Enveloppe nationale');
    expect(text).toContain('4 700 000,00 €');
  });

  it('ne produit aucune erreur de page et ne contacte aucune autre origine', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
