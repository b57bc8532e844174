import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-site.js';

// A build keeps the last output while its clock stays inside the window the
// last build computed (src/pipeline/output-clock-window.ts). That window is
// only right if every rule that compares with the build's clock has a window
// function in it. This scan finds every read of `.now` in src/ and every use
// of `now` in the built-in theme, and fails on one that is not listed here:
// a new reader must get its window function beside it and into
// outputClockWindow, or be shown not to decide the output.

const src = join(repoRoot, 'src');
const sources = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));

/** Files that compare with the build's clock → the window function that bounds what they decide. */
const readers: Record<string, string> = {
  'graph/select-posts.ts': 'visibilityWindow',
  'graph/lists.ts': 'popularityWindow', // hands the clock to viewsOf (graph/popularity.ts), whose window it is
  'outputs/news-sitemap.ts': 'newsSitemapWindow',
  'pipeline/route-signatures.ts': 'signatureWindow',
  'render/render-routes.ts': 'signatureWindow', // templates: the signatures cover what they read (the day, each card's "Scheduled" state)
};

/** Files that only hand the clock on, in exactly these forms. */
const carriers: Record<string, RegExp> = {
  'cli/shared-options.ts': /flags\.now \?\? new Date\(\)/g, // where the clock comes from
  'graph/build-site-graph.ts': /now: input\.now/g,
  'pipeline/load-site.ts': /now: i\.now/g,
  'pipeline/create-site-builder.ts': /now: (options|load)\.now/g,
  'pipeline/run-build.ts': /resolveNow\(options\.now/g,
};

/** Files whose reads decide no output of a build. */
const outsideOutput: Record<string, string> = {
  'pipeline/output-clock-window.ts': 'composes the window functions',
  'pipeline/unchanged-build.ts': 'checks the clock against the saved window',
  'check/run-check.ts': 'the check command: its findings, on a build it keeps no fingerprint of',
  'check/check-external-links.ts': 'the age of its own link cache',
};

/** `x.now` read as a value; Date.now and performance.now are the machine's clock, not the build's. */
const reads = (text: string) => [...text.matchAll(/\b(?!Date\b|performance\b)\w+\.now\b(?!\s*\()/g)].map((m) => m[0]);

describe("readers of the build's clock", () => {
  it.each(sources)('%s reads `now` only where a window function bounds it', (file) => {
    const text = readFileSync(join(src, file), 'utf8');
    const found = reads(text);
    if (found.length === 0) return;
    if (file in readers || file in outsideOutput) return;
    expect(carriers[file], `${file} reads ${found.join(', ')}: give its rule a window function in pipeline/output-clock-window.ts and list it here`).toBeDefined();
    expect(reads(text.replace(carriers[file], '')), `${file} does more than hand the clock on`).toEqual([]);
  });

  it('has every listed window function in outputClockWindow', () => {
    const composed = readFileSync(join(src, 'pipeline/output-clock-window.ts'), 'utf8');
    for (const [file, window] of Object.entries(readers)) expect(composed, `${file}: ${window}`).toMatch(new RegExp(`\\b${window}\\(`));
  });

  it('lists no file that no longer reads the clock', () => {
    for (const file of [...Object.keys(readers), ...Object.keys(carriers), ...Object.keys(outsideOutput)]) {
      expect(reads(readFileSync(join(src, file), 'utf8')), file).not.toEqual([]);
    }
  });

  it('finds the built-in theme reading `now` only as the signatures cover it: the year, and whether a card is dated after it', () => {
    const theme = join(repoRoot, 'theme');
    const templates = (readdirSync(theme, { recursive: true }) as string[]).filter((f) => f.endsWith('.hbs'));
    const uses = templates.flatMap((f) =>
      readFileSync(join(theme, f), 'utf8')
        .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
        .split('\n')
        .flatMap((line) => [...line.matchAll(/\{\{[^}]*\bnow\b[^}]*\}\}/g)].map((m) => m[0])),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(['{{year now}}', '{{#if (after date @root.now)}}'], use).toContain(use);
  });
});
