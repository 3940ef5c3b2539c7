// The names of the files the app saves: safe in every file system, readable.
import { describe, expect, it } from 'vitest';
import { slugForFileName } from '../../src/ui/download';

describe('slugForFileName', () => {
  it.each([
    ['Bretagne: v2/final?', 'bretagne-v2-final'],
    ['Démonstration 2026', 'demonstration-2026'],
    ['  --Île-de-France--  ', 'ile-de-france'],
    ['***', 'scenario'],
    ['x'.repeat(80), 'x'.repeat(60)],
  ])('%j → %j', (text, slug) => {
    expect(slugForFileName(text)).toBe(slug);
  });
});
