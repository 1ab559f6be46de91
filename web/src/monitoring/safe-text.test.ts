import { describe, expect, it } from 'vitest';
import { labelScores, prettyJson, safeHref, splitLinks } from './safe-text.js';

describe('safeHref', () => {
  it('keeps absolute http and https addresses', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('  http://example.org ')).toBe('http://example.org/');
  });

  it('refuses every other scheme and disguised schemes', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', '/relative', '//evil.example', 'https:// space', 'http://exa mple.org', '', null, undefined]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('splitLinks', () => {
  it('turns only http(s) addresses into links and keeps every character', () => {
    const text = 'see https://news.example/x?id=1, not javascript:alert(1) <b>bold</b>';
    const parts = splitLinks(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.kind === 'link')).toEqual([{ kind: 'link', text: 'https://news.example/x?id=1', href: 'https://news.example/x?id=1' }]);
  });

  it('leaves sentence punctuation outside the link', () => {
    const parts = splitLinks('(http://a.example/b).');
    expect(parts).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', text: 'http://a.example/b', href: 'http://a.example/b' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('gives plain text with no address as one part, and nothing for empty text', () => {
    expect(splitLinks('<script>window.__xss=1</script>')).toEqual([{ kind: 'text', text: '<script>window.__xss=1</script>' }]);
    expect(splitLinks('')).toEqual([]);
  });

  it('does not stop an address at a quote that would end an HTML attribute', () => {
    const parts = splitLinks('http://a.example/"onmouseover="x');
    expect(parts[0]).toEqual({ kind: 'link', text: 'http://a.example/', href: 'http://a.example/' });
    expect(parts.map((p) => p.text).join('')).toBe('http://a.example/"onmouseover="x');
  });
});

describe('prettyJson and labelScores', () => {
  it('prints payloads as indented JSON text', () => {
    expect(prettyJson({ a: '<img src=x>' })).toBe('{\n  "a": "<img src=x>"\n}');
    expect(prettyJson(undefined)).toBe('');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(prettyJson(loop)).toBe('');
  });

  it('reads numeric scores, highest first, ignoring anything else', () => {
    expect(labelScores({ hostile: 0.2, praise: 0.9, note: 'x', bad: Number.NaN })).toEqual([
      { label: 'praise', score: 0.9 },
      { label: 'hostile', score: 0.2 },
    ]);
    expect(labelScores(null)).toEqual([]);
    expect(labelScores([0.1])).toEqual([]);
  });
});
