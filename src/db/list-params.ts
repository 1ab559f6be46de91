/**
 * Lists sent to the database as one text parameter each and split there with `string_to_array`:
 * the driver would quote and escape every element of an array parameter, and the server would read
 * PostgreSQL's quoted array syntax. The separators are control characters no stored value holds
 * (the writers refuse or drop them); NULL is written as its own character.
 */
export const SEPARATOR = '\u001e';
export const NULL_VALUE = '\u001d';

/** SQL that splits parameter `$n` at SEPARATOR (and reads NULL_VALUE as NULL when `nulls`). */
export function splitParam(n: number, nulls = false): string {
  return nulls ? `string_to_array($${n}, E'\\x1e', E'\\x1d')` : `string_to_array($${n}, E'\\x1e')`;
}
