import type { Command } from 'commander';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatDate } from '../render/helpers/format-date.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import { shortenSlug, slugify } from '../text/slugify.js';
import { cliLogger, type Cli } from './cli-io.js';
import { runGuarded } from './run-guarded.js';
import { configOption } from './shared-options.js';

export function addNewCommand(program: Command, cli: Cli): void {
  const create = program.command('new').description('create content from a skeleton');
  create
    .command('post')
    .description('write content/posts/<slug>.md with front matter and today\'s date; never overwrites')
    .argument('<title>', 'the article\'s title')
    .addOption(configOption())
    .action(async (title: string, flags: { config: string }) => {
      const logger = cliLogger(cli);
      cli.exitCode = await runGuarded(logger, async () => {
        const { loadConfig } = await import('../config/load-config.js');
        const { config, root } = await loadConfig(flags.config);
        // A file name (and the address made from it) stays under 100 bytes, whatever the title's script.
        const slug = shortenSlug(slugify(title));
        if (!slug) throw new SiteError(error(codes.usage, 'the title has no letters or digits to make a slug from', { hint: 'give the article a title with words in it' }));
        const file = join(root, 'content', 'posts', `${slug}.md`);
        const today = formatDate(new Date(), 'iso', 'en', config.timeZone).slice(0, 10);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, skeleton(title, today), { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
          throw new SiteError(error(codes.usage, `${relativeTo(root, file)} already exists`, { hint: 'choose another title, or edit the existing file' }));
        });
        logger.info(`created ${relativeTo(root, file)}`);
        return 0;
      });
    });
}

function skeleton(title: string, date: string): string {
  return `---
title: ${JSON.stringify(title)}
date: ${date}
# author: reporter-id   # a file in content/authors/
categories: []
tags: []
# summary: "One or two sentences for lists and previews."
# image:
#   src: /images/example.jpg
#   alt: "What the picture shows"
#   caption: ""
#   credit: ""
draft: true
---

Write the article here.
`;
}

function relativeTo(root: string, file: string): string {
  return resolve(file).slice(resolve(root).length + 1);
}
