/**
 * The syntax tree of a watch query. Positions are 0-based UTF-16 offsets into the query text, so
 * the editor can point at them.
 */

/** One word of a term or phrase: its spelling key (see `wordKey`) and, for `dang*`, a prefix. */
export interface WordPattern {
  /** The word as written, lower-cased (without the `*`). */
  raw: string;
  /** `wordKey(raw)`: script-insensitive, spelling-tolerant. */
  key: string;
  /** True for a word-end wildcard: any word whose key or spelling starts with this one. */
  prefix: boolean;
}

export type FieldName = 'lang' | 'unit' | 'platform';

export type QueryNode =
  | { type: 'term'; pos: number; word: WordPattern }
  | { type: 'phrase'; pos: number; words: WordPattern[] }
  | { type: 'hashtag'; pos: number; tag: WordPattern }
  | { type: 'handle'; pos: number; handle: string; prefix: boolean }
  | { type: 'field'; pos: number; field: FieldName; values: string[] }
  | { type: 'and'; pos: number; children: QueryNode[] }
  | { type: 'or'; pos: number; children: QueryNode[] }
  | { type: 'not'; pos: number; child: QueryNode }
  | { type: 'near'; pos: number; distance: number; left: QueryNode; right: QueryNode };

/** Nodes that occupy word positions in a text, and so may stand on either side of NEAR/n. */
export function isPositional(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
    case 'phrase':
    case 'hashtag':
    case 'near':
      return true;
    case 'or':
      return node.children.every(isPositional);
    default:
      return false;
  }
}
