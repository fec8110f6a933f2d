import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../../client/src/respondent/answers.js';
import {
  AutosaveQueue,
  type SaveOutcome,
  type Snapshot,
  type StopReason,
} from '../../../client/src/respondent/autosave-queue.js';

type Call = { snapshot: Snapshot; revision: number; resolve(outcome: SaveOutcome): void };

/** A queue whose `send` calls wait until the test answers them. */
function setup(initial: Answers = { a: 'x' }) {
  const calls: Call[] = [];
  const applied: { data: Answers; changed: string[] }[] = [];
  const stopped: StopReason[] = [];
  const queue = new AutosaveQueue({
    revision: 3,
    snapshot: { data: initial, currentPageNo: 0 },
    send: (snapshot, revision) => new Promise((resolve) => calls.push({ snapshot, revision, resolve })),
    applyServerAnswers: (data, changed) => applied.push({ data, changed }),
    onStopped: (reason) => stopped.push(reason),
    random: () => 0,
  });
  const answer = async (outcome: SaveOutcome) => {
    const call = calls.at(-1);
    if (!call) throw new Error('no request in flight');
    call.resolve(outcome);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { queue, calls, applied, stopped, answer };
}

const saved = (revision: number, savedAt = '2026-03-03T13:32:00.000Z'): SaveOutcome => ({
  kind: 'saved',
  revision,
  savedAt,
});

describe('AutosaveQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('debounces changes for 300 ms and sends only the latest state', async () => {
    const { queue, calls, answer } = setup();
    queue.change({ data: { a: 'y' }, currentPageNo: 0 });
    await vi.advanceTimersByTimeAsync(200);
    queue.change({ data: { a: 'yz' }, currentPageNo: 1 });
    expect(queue.getStatus()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ snapshot: { data: { a: 'yz' }, currentPageNo: 1 }, revision: 3 });
    await answer(saved(4));
    expect(queue.getStatus()).toEqual({ kind: 'saved', savedAt: '2026-03-03T13:32:00.000Z' });
  });

  it('keeps one request in flight and sends the newest state next, on the new revision', async () => {
    const { queue, calls, answer } = setup();
    queue.change({ data: { a: '1' }, currentPageNo: 0 });
    queue.flush();
    queue.change({ data: { a: '2' }, currentPageNo: 0 });
    queue.change({ data: { a: '3' }, currentPageNo: 0 });
    queue.flush();
    expect(calls).toHaveLength(1);
    await answer(saved(4));
    // Not "saved": the server has '1' while the respondent sees '3'.
    expect(queue.getStatus()).toEqual({ kind: 'pending' });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ snapshot: { data: { a: '3' } }, revision: 4 });
    await answer(saved(5));
    expect(queue.getStatus().kind).toBe('saved');
    expect(queue.currentRevision()).toBe(5);
  });

  it('copies snapshots, so later mutation of the form data cannot change what was queued', async () => {
    const { queue, calls } = setup();
    const data = { list: ['a'] };
    queue.change({ data, currentPageNo: 0 });
    data.list.push('b');
    queue.flush();
    expect(calls[0]?.snapshot.data).toEqual({ list: ['a'] });
  });

  it('retries failures with backoff, and at once when the browser comes back online', async () => {
    const { queue, calls, answer } = setup();
    queue.change({ data: { a: 'offline' }, currentPageNo: 0 });
    queue.flush();
    await answer({ kind: 'failed' });
    expect(queue.getStatus()).toEqual({ kind: 'retrying', attempt: 1, retryInMs: 1_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await answer({ kind: 'failed' });
    expect(queue.getStatus()).toEqual({ kind: 'retrying', attempt: 2, retryInMs: 2_000 });
    // Changes while retrying keep the "not saved" status and ride along with the next attempt.
    queue.change({ data: { a: 'offline, edited' }, currentPageNo: 0 });
    expect(queue.getStatus().kind).toBe('retrying');
    queue.retryNow();
    expect(calls).toHaveLength(3);
    expect(calls[2]?.snapshot.data).toEqual({ a: 'offline, edited' });
    await answer(saved(4));
    expect(queue.getStatus().kind).toBe('saved');
  });

  it('treats a send that throws like a network failure', async () => {
    const queue = new AutosaveQueue({
      revision: 0,
      snapshot: { data: {}, currentPageNo: 0 },
      send: () => Promise.reject(new Error('boom')),
      applyServerAnswers: () => undefined,
      random: () => 0,
    });
    queue.change({ data: { a: 1 }, currentPageNo: 0 });
    queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getStatus().kind).toBe('retrying');
  });

  it('merges a conflict on different questions and saves the merge on the server revision', async () => {
    const { queue, calls, applied, answer } = setup({ a: 'x', b: 'x' });
    queue.change({ data: { a: 'mine', b: 'x' }, currentPageNo: 2 });
    queue.flush();
    await answer({
      kind: 'conflict',
      server: { data: { a: 'x', b: 'theirs' }, currentPageNo: 0, revision: 9 },
    });
    expect(applied).toEqual([{ data: { a: 'mine', b: 'theirs' }, changed: ['b'] }]);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({
      snapshot: { data: { a: 'mine', b: 'theirs' }, currentPageNo: 2 },
      revision: 9,
    });
    await answer(saved(10));
    expect(queue.getStatus().kind).toBe('saved');
  });

  it('asks on a same-question conflict and loads the newer copy when chosen', async () => {
    const { queue, calls, applied, answer } = setup({ a: 'x', b: 'x' });
    queue.change({ data: { a: 'mine', b: 'x' }, currentPageNo: 1 });
    queue.flush();
    await answer({
      kind: 'conflict',
      server: { data: { a: 'theirs', b: 'x' }, currentPageNo: 0, revision: 7 },
    });
    expect(queue.getStatus()).toEqual({
      kind: 'conflict',
      questions: ['a'],
      mine: { a: 'mine', b: 'x' },
      theirs: { a: 'theirs', b: 'x' },
    });
    queue.change({ data: { a: 'mine again', b: 'x' }, currentPageNo: 1 });
    queue.flush();
    expect(calls).toHaveLength(1);
    queue.resolveConflict('theirs');
    expect(applied).toEqual([{ data: { a: 'theirs', b: 'x' }, changed: ['a'] }]);
    expect(calls[1]).toMatchObject({ snapshot: { data: { a: 'theirs', b: 'x' } }, revision: 7 });
  });

  it('overwrites with the own answers when chosen, keeping the other side’s other changes', async () => {
    const { queue, calls, answer } = setup({ a: 'x', b: 'x' });
    queue.change({ data: { a: 'mine', b: 'x' }, currentPageNo: 0 });
    queue.flush();
    await answer({
      kind: 'conflict',
      server: { data: { a: 'theirs', b: 'new' }, currentPageNo: 0, revision: 7 },
    });
    queue.resolveConflict('mine');
    expect(calls[1]).toMatchObject({ snapshot: { data: { a: 'mine', b: 'new' } }, revision: 7 });
    await answer(saved(8));
    expect(queue.getStatus().kind).toBe('saved');
  });

  it('stops for good when the response was submitted elsewhere', async () => {
    const { queue, calls, stopped, answer } = setup();
    queue.change({ data: { a: 'late' }, currentPageNo: 0 });
    queue.flush();
    await answer({ kind: 'submitted' });
    expect(stopped).toEqual(['submitted']);
    expect(queue.getStatus()).toEqual({ kind: 'stopped', reason: 'submitted' });
    queue.change({ data: { a: 'later' }, currentPageNo: 0 });
    queue.flush();
    expect(calls).toHaveLength(1);
  });

  it('does not retry a rejected save until the next change', async () => {
    const { queue, calls, answer } = setup();
    queue.change({ data: { a: 'too long' }, currentPageNo: 0 });
    queue.flush();
    await answer({ kind: 'rejected' });
    expect(queue.getStatus()).toEqual({ kind: 'rejected' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    queue.change({ data: { a: 'short' }, currentPageNo: 0 });
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(2);
  });

  it('pauses for a submit: waits for the request in flight and hands over the new revision', async () => {
    const { queue, calls, answer } = setup();
    queue.change({ data: { a: '1' }, currentPageNo: 0 });
    queue.flush();
    queue.change({ data: { a: '2' }, currentPageNo: 0 });
    const revision = queue.pauseForSubmit();
    await answer(saved(4));
    await expect(revision).resolves.toBe(4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    queue.resume();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ snapshot: { data: { a: '2' } }, revision: 4 });
  });

  it('on pagehide with a save in flight, sends the latest state at once on both possible revisions', async () => {
    const { queue, calls } = setup();
    queue.change({ data: { a: 'y' }, currentPageNo: 0 });
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(1);
    queue.change({ data: { a: 'y', b: 'laatste woorden' }, currentPageNo: 1 });
    queue.flushFinal();
    expect(calls.map((call) => call.revision)).toEqual([3, 3, 4]);
    for (const call of calls.slice(1))
      expect(call.snapshot).toEqual({ data: { a: 'y', b: 'laatste woorden' }, currentPageNo: 1 });
    // The debounce was cancelled: nothing more is sent for the same state.
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(3);
  });

  it('on pagehide without a save in flight, flushes normally (one request)', async () => {
    const { queue, calls } = setup();
    queue.change({ data: { a: 'y' }, currentPageNo: 0 });
    queue.flushFinal();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.revision).toBe(3);
  });

  it('on pagehide with everything saved, sends nothing extra', async () => {
    const { queue, calls, answer } = setup();
    queue.change({ data: { a: 'y' }, currentPageNo: 0 });
    await vi.advanceTimersByTimeAsync(300);
    await answer(saved(4));
    queue.flushFinal();
    expect(calls).toHaveLength(1);
  });

  it('notifies subscribers of every status change', async () => {
    const { queue, answer } = setup();
    const seen: string[] = [];
    const unsubscribe = queue.subscribe(() => seen.push(queue.getStatus().kind));
    queue.change({ data: { a: 'y' }, currentPageNo: 0 });
    queue.flush();
    await answer(saved(4));
    unsubscribe();
    queue.change({ data: { a: 'z' }, currentPageNo: 0 });
    expect(seen).toEqual(['pending', 'pending', 'saved']);
  });
});
