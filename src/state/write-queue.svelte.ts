// The planner's one queue of writes: each write starts when the previous one has settled, so ops are always
// built on the state the previous write left, and `pending` counts what is queued or running (the title bar
// says « Enregistrement… » while it is above 0).
export class WriteQueue {
  /** Writes queued or running, counted by `run`. */
  pending = $state(0);

  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every write queued before it (whether they succeeded or not). */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(work, work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /** `serial`, counted in `pending` until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    try {
      return await this.serial(work);
    } finally {
      this.pending -= 1;
    }
  }
}
