// Tells the other tabs of this browser that a scenario changed, so they show it within a second. A small
// change names the records it touched: the other tab re-reads only those (a 100 000-position scenario is not
// reloaded for one cell); a large one, or one that names nothing, makes it reload the scenario.
const CHANNEL = 'etp-planner-changes';

/** Above this many records, a notice names none: the other tabs reload the whole scenario. */
export const MAX_NOTICE_RECORDS = 500;

/** Ids of the positions and structures a change wrote (created, updated or deleted). */
export interface ChangedRecords {
  positions: string[];
  structures: string[];
}

export interface ChangeNotice {
  scenarioId: string;
  /** The tab that wrote, so it ignores its own notice. */
  tabId: string;
  /** Absent: re-read the whole scenario. */
  changed?: ChangedRecords;
}

function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) return null;
  return [...value];
}

/** The changed ids of a message when well formed and small enough; undefined otherwise (reload everything). */
function readChanged(value: unknown): ChangedRecords | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const positions = stringList((value as { positions?: unknown }).positions);
  const structures = stringList((value as { structures?: unknown }).structures);
  if (!positions || !structures || positions.length + structures.length > MAX_NOTICE_RECORDS)
    return undefined;
  return { positions, structures };
}

export class TabSync {
  readonly tabId = Math.random().toString(36).slice(2);
  #channel: BroadcastChannel | null = null;

  constructor(onRemoteChange: (notice: ChangeNotice) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent) => {
      const data = event.data as Partial<ChangeNotice> | null;
      // Only these fields are read, each checked: nothing else from a message is trusted or merged.
      if (!data || typeof data.scenarioId !== 'string' || typeof data.tabId !== 'string') return;
      if (data.tabId === this.tabId) return;
      const changed = readChanged(data.changed);
      onRemoteChange({ scenarioId: data.scenarioId, tabId: data.tabId, ...(changed ? { changed } : {}) });
    };
  }

  /** `changed` is left out of the message when it names more than MAX_NOTICE_RECORDS records. */
  notify(scenarioId: string, changed?: ChangedRecords): void {
    const small = changed && changed.positions.length + changed.structures.length <= MAX_NOTICE_RECORDS;
    const notice: ChangeNotice = { scenarioId, tabId: this.tabId, ...(small ? { changed } : {}) };
    this.#channel?.postMessage(notice);
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
