import type { SourceHealth } from '../api/monitoring.js';

/** A lag in seconds in the largest whole unit: `{ value, unit }` for a translation, null when unknown. */
export function lagParts(seconds: number | null): { value: number; unit: 'seconds' | 'minutes' | 'hours' | 'days' } | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 120) return { value: Math.round(seconds), unit: 'seconds' };
  if (seconds < 7_200) return { value: Math.round(seconds / 60), unit: 'minutes' };
  if (seconds < 172_800) return { value: Math.round(seconds / 3_600), unit: 'hours' };
  return { value: Math.round(seconds / 86_400), unit: 'days' };
}

const ORDER: Record<SourceHealth['state'], number> = { failing: 0, idle: 1, ok: 2, disabled: 3 };

/** Failing sources first, then idle, healthy and disabled; by name within each. */
export function sortSources(list: readonly SourceHealth[]): SourceHealth[] {
  return [...list].sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.name.localeCompare(b.name));
}
