import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const DOC = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');

/** The `code spans` of the document. */
const spans = [...DOC.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

function tsFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** What a module imports, static or dynamic, as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

/** A relative import as a path from the repository's root. */
function resolved(file: string, specifier: string): string {
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
}

describe('docs/architecture.md', () => {
  test('names only files and folders that exist', () => {
    const paths = spans.filter((span) => /^(src|templates|scripts|test|docs|\.github)\/[\w./-]*$/.test(span) || span === '.eleventy.ts');
    expect(paths).toContain('src/parser/index.ts');
    expect(paths).toContain('templates/pages/article.ts');
    expect(paths.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  test('names only functions, classes and types that the source exports', () => {
    const exported = new Set<string>();
    for (const file of [...tsFiles('src'), ...tsFiles('templates')]) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/^export (?:async )?(?:function|class|interface|type|const) (\w+)/gm)) exported.add(m[1]!);
    }
    // Identifiers with a capital letter: `loadCorpus`, `ArchiveModel`; not words such as `main`.
    const names = spans.filter((span) => /^[A-Za-z]+$/.test(span) && /[A-Z]/.test(span));
    expect(names).toContain('ArchiveModel');
    expect(names.filter((name) => !exported.has(name))).toEqual([]);
  });

  test('is linked from the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme.includes('](docs/architecture.md)'), 'a Markdown link to docs/architecture.md').toBe(true);
  });
});

describe('dependencies point one way, as the document says', () => {
  const CORE = ['src/parser', 'src/encoding', 'src/issues', 'src/text', 'src/article.ts', 'src/slug.ts'];
  const inCore = (file: string) => CORE.some((part) => file === part || file.startsWith(`${part}/`));

  test('the pure core imports only itself and npm packages, nothing of Node', () => {
    const files = tsFiles('src').filter(inCore);
    expect(files).toContain('src/parser/index.ts');
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => (specifier.startsWith('.') ? !inCore(resolved(file, specifier)) : specifier.startsWith('node:')))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  test('the catalogue of issue codes imports nothing', () => {
    expect(importsOf('src/issues/catalogue.ts')).toEqual([]);
  });

  test('src never imports a template', () => {
    const files = tsFiles('src');
    const intoTemplates = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.') && resolved(file, specifier).startsWith('templates/'))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(intoTemplates).toEqual([]);
  });
});
