import { changedQuestions, copyAnswers, type Answers } from './answers.js';
import { mergeAnswers, preferLocal } from './merge-answers.js';
import { retryDelayMs } from './retry-delay.js';

/** What the respondent has in front of them: the answers and the page they are on. */
export type Snapshot = { data: Answers; currentPageNo: number };
/** The server's copy as returned with a 409 `revision_conflict`. */
export type ServerCopy = Snapshot & { revision: number };

export type SaveOutcome =
  | { kind: 'saved'; revision: number; savedAt: string }
  | { kind: 'conflict'; server: ServerCopy }
  /** 409 `already_submitted`: submitted elsewhere (another device or tab). */
  | { kind: 'submitted' }
  /** 404: the link was revoked, replaced or expired while the form was open. */
  | { kind: 'link_invalid' }
  /** A 4xx that retrying cannot fix (400 invalid answers, 413 too large): wait for the next change. */
  | { kind: 'rejected' }
  /** Network down, 429 or 5xx: retry with backoff. */
  | { kind: 'failed' };

export type StopReason = 'submitted' | 'link_invalid';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'retrying'; attempt: number; retryInMs: number }
  | { kind: 'rejected' }
  /** `mine` and `theirs`: both sides' answers when the conflict arose, to show them side by side. */
  | { kind: 'conflict'; questions: string[]; mine: Answers; theirs: Answers }
  | { kind: 'stopped'; reason: StopReason };

export type ConflictChoice = 'mine' | 'theirs';

type TimerHandle = ReturnType<typeof setTimeout>;

export type AutosaveOptions = {
  revision: number;
  snapshot: Snapshot;
  send(snapshot: Snapshot, revision: number): Promise<SaveOutcome>;
  /** Puts answers that came from the server into the form (only the named questions changed). */
  applyServerAnswers(data: Answers, changed: string[]): void;
  onStopped?(reason: StopReason): void;
  debounceMs?: number;
  random?: () => number;
};

/**
 * Autosave without losing anything: changes are debounced, one PUT is in flight at a time and the
 * latest state is always the next one sent; failures retry with backoff; a stale revision is merged per
 * question or handed to the respondent. Pure TypeScript (timers only) so it is unit-tested in Node.
 */
export class AutosaveQueue {
  private revision: number;
  /** What the server held at `revision`, as far as we know: the base of the three-way merge. */
  private base: Answers;
  private latest: Snapshot;
  private saved: Snapshot | null = null;
  private inFlight: Promise<void> | null = null;
  private debounceTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private attempt = 0;
  private paused = false;
  private conflict: { server: ServerCopy; base: Answers } | null = null;
  private status: SaveStatus = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
    this.base = copyAnswers(options.snapshot.data);
    this.latest = { data: copyAnswers(options.snapshot.data), currentPageNo: options.snapshot.currentPageNo };
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  currentRevision(): number {
    return this.revision;
  }

  /** The respondent changed an answer or page. */
  change(snapshot: Snapshot): void {
    if (this.status.kind === 'stopped') return;
    this.latest = { data: copyAnswers(snapshot.data), currentPageNo: snapshot.currentPageNo };
    if (this.conflict) return;
    if (this.status.kind !== 'retrying') {
      this.setStatus({ kind: 'pending' });
      this.restartDebounce();
    }
  }

  /** Send now (page hidden, before submit); a waiting retry is brought forward too. */
  flush(): void {
    this.clearTimers();
    this.sendNow();
  }

  /**
   * The page is going away (pagehide). When a save is still in flight, waiting for its reply would lose
   * the changes typed since it was sent, so the latest state goes out at once, twice: on the current
   * revision (wins if it arrives before the request in flight, which then gets a harmless 409) and on
   * the revision that request will produce (wins if it arrives after). Both carry everything typed, so
   * whichever the server accepts last holds the newest answers; replies are not awaited.
   */
  flushFinal(): void {
    if (!this.inFlight) {
      this.flush();
      return;
    }
    if (this.paused || this.conflict || this.status.kind === 'stopped' || this.isSaved()) return;
    this.clearTimers();
    const snapshot = this.latest;
    for (const revision of [this.revision, this.revision + 1]) {
      void this.options.send(snapshot, revision).catch(() => undefined);
    }
  }

  /** The browser came back online: retry immediately instead of waiting out the backoff. */
  retryNow(): void {
    if (this.status.kind === 'retrying') this.flush();
  }

  /** Stops sending and waits for the request in flight; returns the revision a submit must carry. */
  async pauseForSubmit(): Promise<number> {
    this.paused = true;
    this.clearTimers();
    while (this.inFlight) await this.inFlight;
    return this.revision;
  }

  resume(): void {
    this.paused = false;
    if (!this.isSaved()) this.sendNow();
  }

  /** A submit got 409 `revision_conflict`: treat the server copy like an autosave conflict would. */
  receiveConflict(server: ServerCopy): void {
    this.paused = false;
    this.handleConflict(server);
  }

  resolveConflict(choice: ConflictChoice): void {
    const conflict = this.conflict;
    if (!conflict) return;
    this.conflict = null;
    const current = this.latest.data;
    // Answers changed while the question was open count as local changes too.
    const data = copyAnswers(
      choice === 'theirs' ? conflict.server.data : preferLocal(conflict.base, current, conflict.server.data),
    );
    this.options.applyServerAnswers(data, changedQuestions(current, data));
    this.latest = { data, currentPageNo: this.latest.currentPageNo };
    this.setStatus({ kind: 'pending' });
    this.sendNow();
  }

  stop(reason: StopReason): void {
    this.clearTimers();
    this.setStatus({ kind: 'stopped', reason });
  }

  private isSaved(): boolean {
    return this.saved === this.latest;
  }

  private sendNow(): void {
    if (this.paused || this.inFlight || this.conflict || this.status.kind === 'stopped') return;
    if (this.isSaved()) return;
    const snapshot = this.latest;
    if (this.status.kind !== 'retrying') this.setStatus({ kind: 'pending' });
    this.inFlight = this.options
      .send(snapshot, this.revision)
      .catch((): SaveOutcome => ({ kind: 'failed' }))
      .then((outcome) => {
        this.inFlight = null;
        this.handleOutcome(snapshot, outcome);
      });
  }

  private handleOutcome(sent: Snapshot, outcome: SaveOutcome): void {
    switch (outcome.kind) {
      case 'saved':
        this.revision = outcome.revision;
        this.base = sent.data;
        this.saved = sent;
        this.attempt = 0;
        if (this.isSaved()) this.setStatus({ kind: 'saved', savedAt: outcome.savedAt });
        else {
          this.setStatus({ kind: 'pending' });
          if (!this.debounceTimer) this.sendNow();
        }
        return;
      case 'conflict':
        this.handleConflict(outcome.server);
        return;
      case 'submitted':
      case 'link_invalid':
        this.stop(outcome.kind);
        this.options.onStopped?.(outcome.kind);
        return;
      case 'rejected':
        this.attempt = 0;
        this.setStatus({ kind: 'rejected' });
        return;
      case 'failed': {
        const retryInMs = retryDelayMs(this.attempt, this.options.random);
        this.attempt += 1;
        this.setStatus({ kind: 'retrying', attempt: this.attempt, retryInMs });
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.sendNow();
        }, retryInMs);
        return;
      }
      default: {
        const unhandled: never = outcome;
        throw new Error(`unhandled save outcome ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private handleConflict(server: ServerCopy): void {
    const mergeBase = this.base;
    const merge = mergeAnswers(mergeBase, this.latest.data, server.data);
    this.revision = server.revision;
    this.base = copyAnswers(server.data);
    this.attempt = 0;
    if (merge.kind === 'conflict') {
      this.conflict = { server, base: mergeBase };
      this.setStatus({
        kind: 'conflict',
        questions: merge.questions,
        mine: copyAnswers(this.latest.data),
        theirs: copyAnswers(server.data),
      });
      return;
    }
    if (merge.fromServer.length > 0) this.options.applyServerAnswers(merge.data, merge.fromServer);
    this.latest = { data: merge.data, currentPageNo: this.latest.currentPageNo };
    this.sendNow();
  }

  private restartDebounce(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.sendNow();
    }, this.options.debounceMs ?? 300);
  }

  private clearTimers(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.debounceTimer = null;
    this.retryTimer = null;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
