/**
 * The placeholders a template may use, written `{name}` in its texts. Unit names come from the
 * post's unit; the helplines are the national numbers every unit publishes.
 */
export const HELPLINES = {
  helpline_112: '112',
  cyber_helpline_1930: '1930',
  women_helpline_1091: '1091',
  child_helpline_1098: '1098',
  traffic_helpline_1095: '1095',
  senior_citizen_helpline_1291: '1291',
  cyber_portal: 'https://cybercrime.gov.in',
} as const;

export const UNIT_PLACEHOLDERS = ['unit_name', 'unit_name_hi'] as const;

export const PLACEHOLDERS: readonly string[] = [...UNIT_PLACEHOLDERS, ...Object.keys(HELPLINES)];

const PATTERN = /\{([a-z0-9_]+)\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PATTERN)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Fills every known placeholder; unknown ones are left as written (templates are checked on save). */
export function render(text: string, unit: { nameEn: string; nameHi: string }): string {
  const values: Record<string, string> = { ...HELPLINES, unit_name: unit.nameEn, unit_name_hi: unit.nameHi };
  return text.replace(PATTERN, (whole, name: string) => values[name] ?? whole);
}
