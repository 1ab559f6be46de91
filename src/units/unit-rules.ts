import { AppError } from '../http/errors.js';
import { UNIT_KINDS, type UnitKind } from './unit-types.js';

/** Ids of units and stations: codes such as the CCTNS district and station codes. */
export const ID_PATTERN = '^[A-Za-z0-9_-]{1,32}$';
const ID_RE = new RegExp(ID_PATTERN);
export const NAME_MAX = 200;
export const ALIAS_MAX = 100;
export const ALIASES_MAX = 50;

const DEVANAGARI = /[\u0900-\u097F]/;

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field} ${message}`, { field });
}

export function checkId(field: string, id: string): string {
  if (!ID_RE.test(id)) throw invalid(field, 'must be 1 to 32 letters, digits, "-" or "_"');
  return id;
}

export function checkKind(kind: string): UnitKind {
  if (!(UNIT_KINDS as readonly string[]).includes(kind)) throw invalid('kind', `must be one of ${UNIT_KINDS.join(', ')}`);
  return kind as UnitKind;
}

/** Trimmed, NFC-normalised, with runs of whitespace collapsed. */
export function cleanName(field: string, raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) throw invalid(field, 'is required');
  if (name.length > NAME_MAX) throw invalid(field, `must be at most ${NAME_MAX} characters`);
  return name;
}

/** The Hindi name is required and written in Devanagari. */
export function cleanHindiName(raw: string, field = 'nameHi'): string {
  const name = cleanName(field, raw);
  if (!DEVANAGARI.test(name)) throw invalid(field, 'must be written in Devanagari');
  return name;
}

/** Trimmed, without empties and duplicates (ignoring case), in the order given. */
export function cleanAliases(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of raw) {
    const alias = a.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!alias) continue;
    if (alias.length > ALIAS_MAX) throw invalid('aliases', `must each be at most ${ALIAS_MAX} characters`);
    const key = alias.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  if (out.length > ALIASES_MAX) throw invalid('aliases', `must be at most ${ALIASES_MAX}`);
  return out;
}
