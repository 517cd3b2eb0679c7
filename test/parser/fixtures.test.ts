import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../src/parser/index.ts';
import { FIXTURES, fixtureNames, readExpected, SHARED_FIXTURES } from '../fixtures.ts';

const markdown = new MarkdownIt();

/** The fixtures' comparison: NFC, runs of spaces, NBSP and newlines folded, ends trimmed. */
function fold(text: string | null): string | null {
  return text === null ? null : text.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

function decodeEntities(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What a reader sees of the Markdown body: rendered, tags dropped, entities decoded. */
function bodyText(body: string): string[] {
  return markdown
    .render(body)
    .split(/<\/(?:p|h2)>|<img[^>]*>/)
    .map((html) => decodeEntities(html.replace(/<[^>]+>/g, '')))
    .map((text) => fold(text)!)
    .filter(Boolean);
}

/** One `it` per expectation of each fixture in `dir`. */
function testFixtures(dir: string): void {
  for (const name of fixtureNames(dir)) {
    const expected = readExpected(name, dir);
    const result = parseArticleBytes(readFileSync(join(dir, `${name}.txt`)));

    if (expected.error) {
      it(`${name} is rejected`, () => {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        if (expected.code) expect(result.errors.map((issue) => [issue.code, issue.line])).toContainEqual([expected.code, expected.line]);
      });
      continue;
    }

    it(`${name} parses to its expected fields`, () => {
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const { article } = result;
      expect(fold(article.title)).toBe(fold(expected.title));
      expect(new Date(article.date).getTime()).toBe(new Date(expected.date).getTime());
      expect(article.date).toMatch(/\+07:00$/);
      expect(article.date).toBe(expected.date);
      expect(fold(article.author)).toBe(fold(expected.author));
      expect(fold(article.credit)).toBe(fold(expected.credit));
      expect(fold(article.source)).toBe(fold(expected.source));
      expect(fold(article.lead)).toBe(fold(expected.lead));
      expect(article.headings.map(fold)).toEqual(expected.headings.map(fold));
      expect(article.captions.map(fold)).toEqual(expected.captions.map(fold));
    });

    it(`${name} keeps every paragraph in the body, and each caption once`, () => {
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const shown = bodyText(result.article.body);
      for (const paragraph of expected.paragraphs) expect(shown).toContain(fold(paragraph));
      const html = fold(decodeEntities(markdown.render(result.article.body)))!;
      for (const caption of expected.captions) expect(html.split(fold(caption)!).length - 1).toBe(1);
    });

    it(`${name} prints only NFC text`, () => {
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const json = JSON.stringify(result.article);
      expect(json).toBe(json.normalize('NFC'));
    });
  }
}

describe('the repository\'s fixtures', () => {
  it('are present, and some must be rejected', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(10);
    expect(fixtureNames().some((name) => readExpected(name).error)).toBe(true);
  });

  testFixtures(FIXTURES);
});

describe.skipIf(SHARED_FIXTURES === null)('shared conformance fixtures (../shared/fixtures/articles, skipped where absent)', () => {
  // Declared either way, so that a checkout without the folder reports this suite as skipped.
  it('are present', () => {
    expect(fixtureNames(SHARED_FIXTURES!).length).toBeGreaterThanOrEqual(8);
  });

  if (SHARED_FIXTURES !== null) testFixtures(SHARED_FIXTURES);
});
