/** Matches a path like /units/north against a pattern like /units/:id; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = split(pattern);
  const have = split(path);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(h);
      } catch {
        return null;
      }
      params[w.slice(1)] = value;
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

function split(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}

/** True when `path` is `prefix` or below it (for highlighting navigation entries). */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '/') return path === '/';
  return path === prefix || path.startsWith(prefix + '/');
}
