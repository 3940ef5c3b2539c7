// Tells the other tabs of this browser that a scenario changed, so they reload it within a second.
const CHANNEL = 'etp-planner-changes';

export interface ChangeNotice {
  scenarioId: string;
  /** The tab that wrote, so it ignores its own notice. */
  tabId: string;
}

export class TabSync {
  readonly tabId = Math.random().toString(36).slice(2);
  #channel: BroadcastChannel | null = null;

  constructor(onRemoteChange: (notice: ChangeNotice) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent) => {
      const data = event.data as Partial<ChangeNotice> | null;
      // Only two string fields are read: nothing else from a message is trusted or merged.
      if (!data || typeof data.scenarioId !== 'string' || typeof data.tabId !== 'string') return;
      if (data.tabId === this.tabId) return;
      onRemoteChange({ scenarioId: data.scenarioId, tabId: data.tabId });
    };
  }

  notify(scenarioId: string): void {
    this.#channel?.postMessage({ scenarioId, tabId: this.tabId } satisfies ChangeNotice);
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
