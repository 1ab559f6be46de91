import { describe, expect, it } from 'vitest';
import type { MentionPollPage, MentionSummary } from '../api/monitoring.js';
import { POLL_GAP_MS, startLiveUpdates } from './live-updates.js';

const m = (id: string) => ({ id, version: 1 }) as MentionSummary;

/** A server whose answers the test gives one by one, and timers the test fires by hand. */
function harness() {
  const requests: { after: string; resolve: (p: MentionPollPage) => void; reject: (e: unknown) => void }[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const received: string[][] = [];
  const errors: unknown[] = [];
  const deps = {
    fetchPage: (after: string) => new Promise<MentionPollPage>((resolve, reject) => requests.push({ after, resolve, reject })),
    onMentions: (list: MentionSummary[]) => received.push(list.map((x) => x.id)),
    onError: (err: unknown) => errors.push(err),
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t: unknown) => {
      (t as { cleared: boolean }).cleared = true;
    },
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const fire = () => {
    const t = timers.at(-1)!;
    t.fn();
  };
  return { deps, requests, timers, received, errors, settle, fire };
}

describe('live updates', () => {
  it('hand on new mentions and ask again from the cursor the server gave', async () => {
    const h = harness();
    const stop = startLiveUpdates('41', h.deps);
    expect(h.requests.map((r) => r.after)).toEqual(['41']);
    h.requests[0]!.resolve({ mentions: [m('42'), m('43')], cursor: '43', more: false });
    await h.settle();
    expect(h.received).toEqual([['42', '43']]);
    expect(h.timers.at(-1)!.ms).toBe(POLL_GAP_MS);
    h.fire();
    expect(h.requests.map((r) => r.after)).toEqual(['41', '43']);
    // An empty answer (the wait ran out) hands nothing on and keeps the cursor.
    h.requests[1]!.resolve({ mentions: [], cursor: '43', more: false });
    await h.settle();
    h.fire();
    expect(h.received).toHaveLength(1);
    expect(h.requests[2]!.after).toBe('43');
    stop();
  });

  it('ask again at once when the server has more waiting', async () => {
    const h = harness();
    startLiveUpdates('1', h.deps);
    h.requests[0]!.resolve({ mentions: [m('2')], cursor: '2', more: true });
    await h.settle();
    expect(h.timers.at(-1)!.ms).toBe(0);
  });

  it('never move the cursor backwards', async () => {
    const h = harness();
    startLiveUpdates('100', h.deps);
    h.requests[0]!.resolve({ mentions: [], cursor: '99', more: false });
    await h.settle();
    h.fire();
    expect(h.requests[1]!.after).toBe('100');
  });

  it('report a failure, back off, and clear the error once a request succeeds', async () => {
    const h = harness();
    startLiveUpdates('5', h.deps);
    h.requests[0]!.reject(new Error('offline'));
    await h.settle();
    expect(h.errors).toHaveLength(1);
    expect(h.timers.at(-1)!.ms).toBe(2000);
    h.fire();
    h.requests[1]!.reject(new Error('offline'));
    await h.settle();
    expect(h.timers.at(-1)!.ms).toBe(4000);
    h.fire();
    h.requests[2]!.resolve({ mentions: [m('6')], cursor: '6', more: false });
    await h.settle();
    expect(h.errors.at(-1)).toBeNull();
    expect(h.received).toEqual([['6']]);
  });

  it('stop: a late answer is ignored and no further request is made', async () => {
    const h = harness();
    const stop = startLiveUpdates('5', h.deps);
    stop();
    h.requests[0]!.resolve({ mentions: [m('6')], cursor: '6', more: false });
    await h.settle();
    expect(h.received).toEqual([]);
    expect(h.timers).toHaveLength(0);
    expect(h.requests).toHaveLength(1);
  });

  it('stop clears a waiting timer', async () => {
    const h = harness();
    const stop = startLiveUpdates('5', h.deps);
    h.requests[0]!.resolve({ mentions: [], cursor: '5', more: false });
    await h.settle();
    stop();
    expect(h.timers.at(-1)!.cleared).toBe(true);
  });
});
