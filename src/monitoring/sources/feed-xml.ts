/**
 * Reads the items of an RSS 2.0 or Atom feed without a general XML parser: feeds are flat and
 * the fields monitoring needs are a handful of text elements. Entities and CDATA are decoded;
 * HTML inside descriptions is reduced to its text (mentions store plain text, never markup).
 */

export interface FeedEntry {
  id: string | null;
  title: string;
  link: string | null;
  summary: string;
  author: string | null;
  published: string | null;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Text content of an element body: CDATA kept verbatim, everything else entity-decoded. */
function textOf(body: string): string {
  let out = '';
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out += decodeEntities(body.slice(last, m.index)) + m[1]!;
    last = m.index + m[0].length;
  }
  return out + decodeEntities(body.slice(last));
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<br\s*\/?>|<\/p>/gi, '\n').replace(/<[^>]*>/g, ' '))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

function element(block: string, names: string[]): { body: string; attrs: string } | null {
  for (const name of names) {
    const re = new RegExp(`<${name}(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'i');
    const m = re.exec(block);
    if (m) return { body: m[2] ?? '', attrs: m[1] ?? '' };
  }
  return null;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : null;
}

function field(block: string, names: string[]): string | null {
  const e = element(block, names);
  return e ? textOf(e.body).trim() : null;
}

function atomLink(block: string): string | null {
  const re = /<link(\s[^>]*)\/?>/gi;
  let fallback: string | null = null;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    const href = attr(m[1]!, 'href');
    const rel = attr(m[1]!, 'rel');
    if (href && (rel === null || rel === 'alternate')) return href;
    fallback ??= href;
  }
  return fallback;
}

/** A document that is no RSS or Atom feed: an HTML page, an error text, JSON, nothing. */
export class NotAFeedError extends Error {
  override name = 'NotAFeedError';
}

// Before the root element: a byte-order mark, white space, the XML declaration and other
// processing instructions, comments and a document type.
const PROLOGUE = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

/**
 * Which feed a document is, by its root element: `rss` (RSS 0.9x and 2.0), `rdf:RDF` (RSS 1.0,
 * whose items are RSS items too) or `feed` (Atom). Anything else is refused, so that a feed
 * address that now answers with a web page or an error text shows as failing in the source's
 * health instead of as a feed with nothing new.
 */
function feedKind(xml: string): 'rss' | 'atom' {
  const rest = xml.slice(PROLOGUE.exec(xml)![0].length);
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  if (root === undefined) throw new NotAFeedError(`not an RSS or Atom feed: it begins ${JSON.stringify(rest.slice(0, 40))}`);
  const name = root.toLowerCase();
  if (name === 'rss' || name === 'rdf:rdf') return 'rss';
  if (name === 'feed' || name.endsWith(':feed')) return 'atom';
  throw new NotAFeedError(`not an RSS or Atom feed: its root element is <${root}>`);
}

/** The entries of an RSS or Atom feed; throws `NotAFeedError` for any other document. */
export function parseFeed(xml: string): FeedEntry[] {
  const out: FeedEntry[] = [];
  const isAtom = feedKind(xml) === 'atom';
  const re = isAtom ? /<entry(?:\s[^>]*)?>([\s\S]*?)<\/entry\s*>/gi : /<item(?:\s[^>]*)?>([\s\S]*?)<\/item\s*>/gi;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const b = m[1]!;
    if (isAtom) {
      const author = element(b, ['author']);
      out.push({
        id: field(b, ['id']),
        title: htmlToText(field(b, ['title']) ?? ''),
        link: atomLink(b),
        summary: htmlToText(field(b, ['content', 'summary']) ?? ''),
        author: author ? field(author.body, ['name']) : null,
        published: field(b, ['published', 'updated']),
      });
    } else {
      out.push({
        id: field(b, ['guid']),
        title: htmlToText(field(b, ['title']) ?? ''),
        link: field(b, ['link']),
        summary: htmlToText(field(b, ['content:encoded', 'description']) ?? ''),
        author: field(b, ['dc:creator', 'author']),
        published: field(b, ['pubDate', 'dc:date']),
      });
    }
  }
  return out;
}
