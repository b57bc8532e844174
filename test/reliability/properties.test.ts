import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutDir } from '../../src/config/check-out-dir.js';
import { makeConfig } from '../../src/config/make-config.js';
import { contentOptionsOf, parsePost, type ParsedSource } from '../../src/content/parse-source.js';
import { SiteError } from '../../src/diagnostics/diagnostic.js';
import { expandPermalink } from '../../src/graph/permalink.js';
import { toOutputPath } from '../../src/routes/output-path.js';
import { checkSlug, slugify } from '../../src/text/slugify.js';
import { checkOutputFolder, outputMarkerName } from '../../src/write/output-folder.js';
import { writeOutputs } from '../../src/write/write-outputs.js';

// Property tests for issue 11 ("the matrix as tests"). Seeded and bounded so
// CI runs the same short version every time; to explore more, raise numRuns
// locally (FC_RUNS=10000 npx vitest run test/reliability/properties.test.ts).
// A failure prints its seed and shrunk counterexample.

const seed = 11;
const runs = (n: number) => Number(process.env.FC_RUNS ?? n);

const temp = mkdtempSync(join(tmpdir(), 'properties-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** Strings that look like what an attacker would try, mixed with anything at all. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('..', '.', '/', '\\', '%2e', '%2f', '%5c', '%00', '\u0000', 'C:', '//', '.env', '.htaccess', 'con', 'a', ' ', '~', '%', '\u202e'), { maxLength: 8 }).map((parts) => parts.join('')),
);

describe('any string as a URL part maps inside the output folder or is refused', () => {
  const out = '/srv/site/dist';

  it('alias or permalink result: no output path outside the folder or naming a hidden file', () => {
    fc.assert(
      fc.property(hostile, (url) => {
        const path = toOutputPath(url.startsWith('/') ? url : `/${url}`);
        if (path === undefined) return;
        expect(inside(out, resolve(out, path))).toBe(true);
        expect(path.split('/').some((s) => s.startsWith('.'))).toBe(false);
      }),
      { seed, numRuns: runs(2000) },
    );
  });

  it('slug: accepted slugs give output paths inside the folder', () => {
    fc.assert(
      fc.property(hostile, (slug) => {
        if (checkSlug(slug)) return;
        const url = expandPermalink('/{yyyy}/{mm}/{slug}/', { slug, date: new Date(Date.UTC(2024, 10, 6)), timeZone: 'UTC' });
        const path = toOutputPath(url);
        if (path !== undefined) expect(inside(out, resolve(out, path))).toBe(true);
      }),
      { seed, numRuns: runs(2000) },
    );
  });

  it('tag or category: the slug of any spelling gives an output path inside the folder, or none', () => {
    fc.assert(
      fc.property(hostile, (term) => {
        const path = toOutputPath(expandPermalink('/tag/{slug}/', { slug: slugify(term), timeZone: 'UTC' }));
        if (path !== undefined) expect(inside(out, resolve(out, path))).toBe(true);
      }),
      { seed, numRuns: runs(2000) },
    );
  });
});

describe('the writer writes and deletes only inside the output folder', () => {
  it('for any output paths: an error, or files only inside the folder; nothing beside it changes', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 4 }), async (paths) => {
        const parent = join(temp, `w${n++}`);
        mkdirSync(join(parent, 'neighbour'), { recursive: true });
        writeFileSync(join(parent, 'neighbour', 'keep.txt'), 'mine');
        const out = join(parent, 'dist');
        try {
          await writeOutputs(out, paths.map((p, i) => ({ path: p || `f${i}`, data: 'x' })));
        } catch (e) {
          expect(e).toBeInstanceOf(SiteError);
        }
        expect(readdirSync(parent).filter((f) => f !== 'dist').sort()).toEqual(['neighbour']);
        expect(readFileSync(join(parent, 'neighbour', 'keep.txt'), 'utf8')).toBe('mine');
      }),
      { seed, numRuns: runs(40) },
    );
  });
});

describe('any outDir: refused, or safe to replace', () => {
  const root = join(temp, 'ws', 'site');
  const home = join(temp, 'ws', 'home');
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(root, '.github'), { recursive: true });
  mkdirSync(join(home, 'notes'), { recursive: true });
  mkdirSync(join(temp, 'ws', 'other-project', 'src'), { recursive: true });
  writeFileSync(join(root, 'site.config.json'), '{}');
  writeFileSync(join(root, 'dist-file'), 'a file');
  const outDirs = fc.oneof(
    hostile,
    fc.array(fc.constantFrom('..', '.', 'dist', '.github', 'site.config.json', 'dist-file', 'content', 'other-project', 'home', 'notes', 'ws', '/', root, home), { minLength: 1, maxLength: 4 }).map((p) => p.join('/')),
  );

  it('accepted only when missing, or a folder inside the site root, or marked as made by migrant-site', async () => {
    await fc.assert(
      fc.asyncProperty(outDirs, async (outDir) => {
        if (outDir.includes('\u0000')) return;
        const refused = checkOutDir(root, outDir, home) ?? (await checkOutputFolder(root, outDir));
        if (refused) return;
        const target = resolve(root, outDir);
        const info = (() => {
          try {
            return lstatSync(target);
          } catch {
            return undefined;
          }
        })();
        if (!info) return;
        expect(info.isDirectory()).toBe(true);
        const plainInside = inside(root, target) && !relative(root, target).split(/[\\/]/).some((s) => s.startsWith('.'));
        const marked = (() => {
          try {
            return statSync(join(target, outputMarkerName)).isFile();
          } catch {
            return false;
          }
        })();
        expect(plainInside || marked).toBe(true);
      }),
      { seed, numRuns: runs(300) },
    );
  });
});

describe('front matter and markdown: a positioned diagnostic, never an exception', () => {
  const yamlish = fc.array(
    fc.oneof(
      fc.constantFrom('title: x', 'date: 2024-11-06', 'tags: [a, b]', 'tags:', '  - a', '__proto__: {}', '<<: *a', 'a: &a [x]', 'k: !!js/function x', 'date: 2024-02-30', '\t- x', 'title: a: b', '? x', '- - x', '"', "'"),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 8 },
  );
  const markdownish = fc.array(
    fc.oneof(fc.constantFrom('- a', '> q', '| a | b |', '|---|', '```', '<script>x</script>', '[a](javascript:x)', '![i](x.png)', '#', '***', '<div>', '&#0;'), fc.string({ maxLength: 30 })),
    { maxLength: 10 },
  );
  const options = contentOptionsOf(makeConfig({ timeZone: 'UTC' }));

  it('parsePost returns diagnostics with the file (and a line for errors) for any input', () => {
    fc.assert(
      fc.property(fc.boolean(), yamlish, markdownish, fc.constantFrom('\n', '\r\n'), (fenced, fm, md, eol) => {
        const text = (fenced ? ['---', ...fm, '---', ...md] : [...fm, ...md]).join(eol);
        const result = parsePost({ path: 'content/posts/x.md', bytes: new TextEncoder().encode(text) }, options) as Extract<ParsedSource, { kind: 'post' }>;
        for (const d of result.diagnostics) {
          expect(d.code).toMatch(/^MS\d{3}$/);
          expect(d.file).toBe('content/posts/x.md');
          if (d.severity === 'error') expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed, numRuns: runs(300) },
    );
  });

  it('arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = parsePost({ path: 'content/posts/x.md', bytes }, options);
        for (const d of result.diagnostics) expect(d.file).toBe('content/posts/x.md');
      }),
      { seed, numRuns: runs(300) },
    );
  });
});
