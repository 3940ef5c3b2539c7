// The architecture rule of eslint.config.js: a file in src/io may not import src/storage or Dexie (file formats
// are written from domain types). Lints snippets in memory as if they were files of src/io.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('src/io imports no storage', () => {
  // The first lint loads the config and its plugins: seconds on a loaded machine.
  beforeAll(() => eslint.lintText('', { filePath: 'src/io/backup-file.ts' }), 60_000);

  it.each([
    ["import type { ChangeRow } from '../storage/rows';", 'src/io/backup-file.ts'],
    ["import type { ChangeRow } from '../../storage/rows';", 'src/io/scenario-file/scenario-file-format.ts'],
    ["import { openDatabase } from '../storage';", 'src/io/backup-file.ts'],
    ["import Dexie from 'dexie';", 'src/io/export/export-workbook.ts'],
  ])('%s in %s is an error', async (line, filePath) => {
    const messages = await restrictedImports(`${line}\n`, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src/io ne dépend pas du stockage');
  });

  it('lets the domain in', async () => {
    const code = "import { CHANGE_SOURCES } from '../domain/change-log';\n";
    expect(await restrictedImports(code, 'src/io/backup-file.ts')).toEqual([]);
  });
});
