/**
 * Whether a failed write may succeed if simply tried again: the database is unreachable,
 * restarting, refusing connections or out of them, or the transaction lost a deadlock or a
 * serialisation race. Anything else is a fault in the data or the code and is not retried blindly.
 */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-4]|40001|40P01|55P03|58030|XX000)/;
const TRANSIENT_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

export function isTransient(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === 'string') {
    if (TRANSIENT_NODE.has(e.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(e.code) && TRANSIENT_SQLSTATE.test(e.code)) return e.code !== 'XX000' || /connection/i.test(String(e.message));
    // A database closed to new connections (maintenance: ALLOW_CONNECTIONS false) opens again.
    if (e.code === '55000' && /not currently accepting connections/i.test(String(e.message))) return true;
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (/Connection terminated|connection (is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|Cannot use a pool after calling end/i.test(message)) {
    return !/after calling end/i.test(message);
  }
  return e.cause !== undefined && e.cause !== err ? isTransient(e.cause) : false;
}

/** Delay before retry `attempt` (0-based): doubling from 100 ms to at most 5 s, with jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(5_000, 100 * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + Math.random() * (base / 2));
}
