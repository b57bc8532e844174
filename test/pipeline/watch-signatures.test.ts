import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Logger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// serve --watch hashes the signatures of the pages whose inputs changed, and
// keeps the last pass's for the others: as --verbose says after the plan stage.

const now = new Date('2024-11-10T12:00:00Z');
let site: FixtureCopy | undefined;
afterEach(() => site?.cleanup());

async function watchBuilder(rebuilds?: boolean) {
  site = copyFixture('newsroom', { ownTemplates: false, search: false });
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  const debug: string[] = [];
  const logger: Logger = { info() {}, warn() {}, error() {}, debug: (m) => debug.push(m) };
  const builder = createSiteBuilder({ root: site.root, config, now, logger, rebuilds });
  /** The pass's `(hashed N of M page signatures)`, as numbers. */
  const hashed = () => {
    const [, n, of] = /^ {2}\(hashed (\d+) of (\d+) page signatures\)$/.exec([...debug].reverse().find((m) => m.includes('page signatures')) ?? '') ?? [];
    return { hashed: Number(n), pages: Number(of) };
  };
  return { builder, hashed };
}

describe('page signatures in serve --watch', () => {
  it('are hashed for every page by the first pass, and for the article\'s page alone when an edit changes only what it shows', async () => {
    const { builder, hashed } = await watchBuilder();
    const first = await builder.build();
    expect(hashed()).toEqual({ hashed: first.summary!.pages, pages: first.summary!.pages });
    // A front-matter field of its own (a template may show `post.params.desk`): only the article's page reads it.
    site!.edit('content/posts/chios-returns.md', (t) => t.replace('tags: [deportation, detention]', 'tags: [deportation, detention]\ndesk: Athens'));
    const pass = await builder.build(new Set(['content/posts/chios-returns.md']));
    expect(pass.summary!.reason).toBe('front matter of content/posts/chios-returns.md changed');
    expect(pass.summary!.rendered).toBe(1);
    expect(hashed()).toEqual({ hashed: 1, pages: first.summary!.pages });
  });

  it('are hashed after a tag edit for the pages it re-renders and no others', async () => {
    const { builder, hashed } = await watchBuilder();
    const first = await builder.build();
    site!.edit('content/posts/chios-returns.md', (t) => t.replace('tags: [deportation, detention]', 'tags: [deportation, seasonal work]'));
    const pass = await builder.build(new Set(['content/posts/chios-returns.md']));
    // The article; the two tags' pages and the index of tags (their lists and counts); the other articles tagged
    // detention (Evros, Rome) or seasonal work (Sicily), whose tag links carry the tags' counts. Related articles stay.
    expect(hashed()).toEqual({ hashed: 7, pages: first.summary!.pages });
    expect(pass.summary!.rendered).toBe(7);
  });

  it('are all hashed again by a builder told that no pass follows, which keeps none of their parts', async () => {
    const { builder, hashed } = await watchBuilder(false);
    const first = await builder.build();
    site!.edit('content/posts/chios-returns.md', (t) => t.replace('tags: [deportation, detention]', 'tags: [deportation, seasonal work]'));
    await builder.build(new Set(['content/posts/chios-returns.md']));
    expect(hashed()).toEqual({ hashed: first.summary!.pages, pages: first.summary!.pages });
  });
});
