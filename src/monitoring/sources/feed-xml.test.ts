import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotAFeedError, parseFeed } from './feed-xml.js';
import { feedEntryToMention } from './rss.js';

describe('RSS and Atom', () => {
  it('reads RSS items with CDATA, entities and HTML reduced to text', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>News</title>
      <item><title>Jam at ITO &amp; Vikas Marg</title><link>https://news.example/a</link><guid isPermaLink="false">a-1</guid>
        <pubDate>Mon, 02 Nov 2026 10:00:00 +0530</pubDate><dc:creator>Reporter</dc:creator>
        <description><![CDATA[<p>Traffic <b>slow</b> near ITO</p><script>alert(1)</script>]]></description></item>
      <item><title>दिल्ली पुलिस &#x928;&#2366;</title><link>https://news.example/b</link><description>&lt;i&gt;plain&lt;/i&gt;</description></item>
    </channel></rss>`;
    const entries = parseFeed(xml);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({ id: 'a-1', title: 'Jam at ITO & Vikas Marg', link: 'https://news.example/a', summary: 'Traffic slow near ITO', author: 'Reporter', published: 'Mon, 02 Nov 2026 10:00:00 +0530' });
    expect(entries[1]!.title).toBe('दिल्ली पुलिस ना');
    expect(entries[1]!.summary).toBe('plain');
    const m = feedEntryToMention('https://news.example/rss', entries[0]!, '00000000-0000-4000-8000-000000000001', [], '2026-11-02T00:00:00.000Z');
    const feedTag = createHash('sha256').update('https://news.example/rss').digest('hex').slice(0, 16);
    expect(m).toMatchObject({ platform: 'rss', externalId: `a-1@${feedTag}`, createdAt: '2026-11-02T04:30:00.000Z', text: 'Jam at ITO & Vikas Marg\nTraffic slow near ITO' });
    // A guid unique only within its feed names another item in another feed; an address or a tag: is one item everywhere.
    expect(feedEntryToMention('https://other.example/rss', entries[0]!, 's', [], '2026-11-02T00:00:00.000Z').externalId).not.toBe(m.externalId);
    for (const id of ['https://news.example/a', 'tag:news.example,2026:a-1', 'urn:uuid:5f0c']) {
      expect(feedEntryToMention('https://news.example/rss', { ...entries[0]!, id }, 's', [], '2026-11-02T00:00:00.000Z').externalId).toBe(id);
    }
    // Without a guid the link identifies the item.
    expect(feedEntryToMention('u', entries[1]!, 's', [], '2026-11-02T00:00:00.000Z').externalId).toBe('https://news.example/b');
  });

  it('reads Atom entries with alternate links and author names', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><id>tag:x,2026:1</id><title type="html">Water &lt;b&gt;cut&lt;/b&gt;</title>
        <link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/1"/>
        <updated>2026-11-02T05:00:00Z</updated><author><name>Desk</name></author><summary>Dwarka sector 10</summary></entry></feed>`;
    expect(parseFeed(xml)).toEqual([{ id: 'tag:x,2026:1', title: 'Water cut', link: 'https://x.example/1', summary: 'Dwarka sector 10', author: 'Desk', published: '2026-11-02T05:00:00Z' }]);
  });

  it('takes RSS 1.0 and a feed behind a prologue, and refuses documents that are no feed', () => {
    const rdf = `\uFEFF<?xml version="1.0"?>\n<!-- mirror -->\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel><title>c</title></channel><item><title>ITO jam</title><link>https://n.example/1</link></item></rdf:RDF>`;
    expect(parseFeed(rdf).map((e) => e.title)).toEqual(['ITO jam']);
    const prefixed = `<?xml version="1.0"?><!DOCTYPE feed><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:id>1</a:id></a:entry></a:feed>`;
    expect(parseFeed(prefixed)).toHaveLength(0);
    // A page, an error text, JSON, nothing at all: each is an error that says what came.
    expect(() => parseFeed('<!DOCTYPE html><html><body><item>x</item></body></html>')).toThrow(/root element is <html>/);
    expect(() => parseFeed('this is <not xml')).toThrow(/not an RSS or Atom feed: it begins "this is <not xml"/);
    expect(() => parseFeed('{"items":[]}')).toThrow(NotAFeedError);
    expect(() => parseFeed('')).toThrow(NotAFeedError);
  });
});
