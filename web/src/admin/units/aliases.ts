/** Turns "CP, Connaught Place ,, cp" into ["CP", "Connaught Place", "cp"]: trimmed, no empties, no repeats. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,،\n]/)) {
    const alias = part.trim();
    if (!alias || seen.has(alias)) continue;
    seen.add(alias);
    out.push(alias);
  }
  return out;
}
