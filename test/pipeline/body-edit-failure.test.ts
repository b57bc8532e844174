import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder, type SiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// The body-edit fast path plans its pass and the plan becomes the last good
// build only once written. An edit whose render fails (here a shortcode the new
// body calls with a value its template refuses) leaves nothing behind: the next
// body edit of another article, whose feeds carry every article's text, shows
// none of it, and once the article is fixed the output equals a cold build.

const now = new Date('2026-11-30T12:00:00Z');
const essay = 'content/posts/hugo-river-crossing-photo-essay.md';
const release = 'content/posts/2019-03-04-field-notes-2-1-released.md';
const failedWords = 'Words of an edit that never built';
let site: FixtureCopy;
afterEach(() => site?.cleanup());

async function builderFor(outDir: string): Promise<SiteBuilder> {
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  return createSiteBuilder({ root: site.root, config: { ...config, outDir, search: { ...config.search, enabled: false } }, now, logger: silentLogger });
}

/** Output files holding `text`. */
function filesShowing(dir: string, text: string): string[] {
  const base = join(site.root, dir);
  return (readdirSync(base, { recursive: true }) as string[]).filter((f) => /\.(html|xml|json)$/.test(f) && readFileSync(join(base, f), 'utf8').includes(text));
}

describe('a body edit whose render fails', () => {
  it('leaves the last good build as it was for the next edit, and the fixed site equals a cold build', async () => {
    site = copyFixture('archive-bodies', { ownTemplates: false });
    site.write('templates/shortcodes/share.hbs', '<a class="share" href="{{shareUrl named.network page}}">Share</a>\n');
    const original = site.read(essay);
    const builder = await builderFor('dist');
    expect((await builder.build()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const before = site.snapshot('dist');

    site.edit(essay, (t) => `${t}\n${failedWords}.\n\n{{< share network="myspace" >}}\n`);
    const failed = await builder.build(new Set([essay]));
    expect(failed.summary).toBeUndefined();
    expect(failed.diagnostics.map((d) => d.message).join('\n')).toContain('unknown share network "myspace"');
    expect(site.snapshot('dist')).toEqual(before);

    site.edit(release, (t) => t.replace('for each note.', 'for each of its notes.'));
    const next = await builder.build(new Set([release]));
    expect(next.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(next.summary).toBeDefined();
    expect(filesShowing('dist', 'for each of its notes.').length).toBeGreaterThan(1);
    expect(filesShowing('dist', failedWords)).toEqual([]);
    expect(filesShowing('dist', 'ms-shortcode')).toEqual([]);

    site.write(essay, original.replace('The river *decides*', 'The river *alone decides*'));
    const fixed = await builder.build(new Set([essay]));
    expect(fixed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await (await builderFor('dist-cold')).build();
    expect(site.snapshot('dist')).toEqual(site.snapshot('dist-cold'));
  });
});
