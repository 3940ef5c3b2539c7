// Last-resort export when the planner cannot open its database (a failed upgrade, a newer schema): open it
// in Dexie's dynamic mode, whatever its version, and read every table as is. Nothing is written.
import Dexie from 'dexie';

export interface RawDump {
  format: 'planificateur-etp-donnees-brutes';
  database: string;
  version: number;
  tables: Record<string, unknown[]>;
}

export async function rawDump(
  name: string,
  options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): Promise<RawDump> {
  const db = new Dexie(name, options);
  try {
    await db.open();
    const tables: Record<string, unknown[]> = {};
    for (const table of db.tables) tables[table.name] = await table.toArray();
    return { format: 'planificateur-etp-donnees-brutes', database: name, version: db.verno, tables };
  } finally {
    db.close();
  }
}
