/**
 * The one interface to PostgreSQL that the rest of Chhavi uses. It has two implementations with
 * the same behaviour: embedded PGlite (a data folder, one process) and a PostgreSQL server (pg Pool).
 * Repositories take a `Queryable`, so the same function runs inside or outside a transaction.
 */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one parameterised statement and returns the number of rows it touched. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs a script of several statements without parameters and returns the rows of all of them, in order. */
  queryScript<T = Record<string, unknown>>(script: string): Promise<T[]>;
  /**
   * `COPY table (columns) FROM` the given text, in COPY's text format (one row a line, values
   * separated by tabs, `\N` for NULL, backslash escapes), the concatenation of `chunks`; returns
   * the rows copied. The server reads it from the connection (`FROM STDIN`), PGlite from a blob.
   */
  copyIn(table: string, columns: readonly string[], chunks: readonly (string | Uint8Array)[]): Promise<number>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The COPY statement's head, `COPY table (columns) FROM`, for names of the schema's own (refused otherwise). */
export function copyHead(table: string, columns: readonly string[]): string {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`copyIn: not a plain identifier: ${JSON.stringify(name)}`);
  if (columns.length === 0) throw new Error('copyIn: no columns');
  return `COPY ${table} (${columns.join(', ')}) FROM`;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseKind = Database['kind'];
