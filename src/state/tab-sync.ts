// Tells the other tabs of this browser that a scenario changed, so they show it within a second. A change
// of up to MAX_NOTICE_RECORDS records carries its ops as storage applied them, with the revisions before and
// after: the other tab applies them with the same applier as storage (shown-scenario.svelte.ts), nothing is
// read again. A larger change, or one without ops (a scenario replaced), makes the other tab read the
// scenario again.
import type { Op, OpEntity } from '../domain/ops';

const CHANNEL = 'etp-planner-changes';

/** Above this many ops, a notice carries none: the other tabs read the whole scenario again. */
export const MAX_NOTICE_RECORDS = 500;

/** The ops of a change and the scenario's revisions around it (ScenarioRow.revision). */
export interface NoticeOps {
  ops: Op[];
  revisionBefore: number;
  revision: number;
}

export interface ChangeNotice {
  scenarioId: string;
  /** The tab that wrote, so it ignores its own notice. */
  tabId: string;
  /** Absent: read the whole scenario again. */
  change?: NoticeOps;
}

const ENTITIES: ReadonlySet<OpEntity> = new Set([
  'position',
  'structure',
  'region',
  'campaign',
  'scenarioName',
]);

function isOp(value: unknown): value is Op {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as { entity?: unknown; id?: unknown; before?: unknown; after?: unknown };
  const record = (v: unknown) => v === null || (typeof v === 'object' && !Array.isArray(v));
  if (typeof op.id !== 'string' || !ENTITIES.has(op.entity as OpEntity)) return false;
  if (op.entity === 'scenarioName') return typeof op.before === 'string' && typeof op.after === 'string';
  if (op.entity === 'campaign')
    return record(op.before) && op.before !== null && record(op.after) && op.after !== null;
  return record(op.before) && record(op.after);
}

const isRevision = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The change of a message when well formed and small enough; undefined otherwise (read everything again). */
function readChange(value: unknown): NoticeOps | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { ops, revisionBefore, revision } = value as Partial<Record<keyof NoticeOps, unknown>>;
  if (!isRevision(revisionBefore) || !isRevision(revision) || revision <= revisionBefore) return undefined;
  if (!Array.isArray(ops) || ops.length > MAX_NOTICE_RECORDS || !ops.every(isOp)) return undefined;
  return { ops: [...ops], revisionBefore, revision };
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
      const change = readChange(data.change);
      onRemoteChange({ scenarioId: data.scenarioId, tabId: data.tabId, ...(change ? { change } : {}) });
    };
  }

  /** `change` is left out of the message when it holds more than MAX_NOTICE_RECORDS ops. */
  notify(scenarioId: string, change?: NoticeOps): void {
    const small = change && change.ops.length <= MAX_NOTICE_RECORDS;
    const notice: ChangeNotice = { scenarioId, tabId: this.tabId, ...(small ? { change } : {}) };
    this.#channel?.postMessage(notice);
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
