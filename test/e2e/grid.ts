// Finding grid cells the way assistive technology does: the grid by name, the column by its header, the row by
// its text; the cell is the gridcell of that row with the header's aria-colindex.
import type { Locator, Page } from 'playwright-core';
import { normalizeSpaces } from './browser';

export function grid(page: Page, name: string): Locator {
  return page.getByRole('grid', { name, exact: true });
}

export async function cell(page: Page, gridName: string, rowText: string, column: string): Promise<Locator> {
  const g = grid(page, gridName);
  const header = g.getByRole('columnheader', { name: column, exact: true });
  await header.waitFor({ timeout: 10_000 });
  const index = await header.getAttribute('aria-colindex');
  const row = g.getByRole('row').filter({ hasText: rowText }).first();
  return row.locator(`[role="gridcell"][aria-colindex="${index}"]`);
}

export async function cellText(
  page: Page,
  gridName: string,
  rowText: string,
  column: string,
): Promise<string> {
  return normalizeSpaces((await (await cell(page, gridName, rowText, column)).innerText()).trim());
}

/** Selects the cell and types over it like in a spreadsheet (typing starts the edit), then Enter. */
export async function typeInCell(
  page: Page,
  gridName: string,
  rowText: string,
  column: string,
  text: string,
) {
  const c = await cell(page, gridName, rowText, column);
  await c.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Waits until the planner says every edit is stored in IndexedDB (« Enregistré dans ce navigateur »): an edit
 * shows at once, « Enregistrement… » while it is written.
 */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByText('Enregistré dans ce navigateur', { exact: true }).waitFor();
}

/** Waits until the Postes grid shows the demo's « UD SIAE » row: the app has loaded its data. */
export async function waitForDemoRows(page: Page, timeout?: number): Promise<void> {
  await grid(page, 'Postes')
    .getByRole('row')
    .filter({ hasText: 'UD SIAE' })
    .first()
    .waitFor(timeout === undefined ? undefined : { timeout });
}

/** The amount shown for a term of the Synthèse nationale, in cents. */
export async function summaryCents(page: Page, term: string): Promise<number> {
  const summary = page.getByRole('region', { name: 'Synthèse nationale' });
  const dd = summary
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return euroTextToCents(await dd.innerText());
}

export function euroTextToCents(text: string): number {
  const t = normalizeSpaces(text).replace(/[ €]/g, '').replace(',', '.');
  const negative = t.startsWith('-');
  const [euros = '0', cents = '0'] = t.replace('-', '').split('.');
  const value = Number(euros) * 100 + Number(cents.padEnd(2, '0'));
  return negative ? -value : value;
}

/** Pastes tab-separated text at the focused element, as Ctrl+V of a block copied from a spreadsheet does. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}
