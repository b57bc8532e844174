import type { Command } from 'commander';
import { explainRelated, type RelatedExplanation } from '../graph/explain-related.js';
import type { SiteConfig } from '../config/schema.js';
import type { PostNode } from '../graph/types.js';
import { cliLogger, type Cli } from './cli-io.js';
import { loadGraphFor, notFound, type GraphFlags } from './load-graph.js';
import { runGuarded } from './run-guarded.js';
import { configOption, nowOption, wholeNumber } from './shared-options.js';

export function addExplainCommand(program: Command, cli: Cli): void {
  const explain = program.command('explain').description('explain a decision of the site graph');
  explain
    .command('related')
    .description('show why an article gets its related articles: the best candidates with each index\'s part of the score')
    .argument('<article>', 'the article\'s slug, URL or file (content/posts/x.md)')
    .addOption(configOption())
    .option('-n, --top <n>', 'how many candidates to show', wholeNumber(1, 10_000), 10)
    .addOption(nowOption('the clock, as an ISO date (default: now)'))
    .action(async (article: string, flags: GraphFlags & { top: number }) => {
      const logger = cliLogger(cli);
      cli.exitCode = await runGuarded(logger, async () => {
        const { graph, config } = await loadGraphFor(flags, logger);
        const post = findPost(graph.posts, article);
        if (!post) throw notFound(`no published article matches ${JSON.stringify(article)}`, 'give its slug (as in its URL), its URL or its file path');
        cli.stdout.write(formatExplanation(explainRelated(post, graph.posts, config.related, flags.top), config));
        return 0;
      });
    });
}

function findPost(posts: PostNode[], wanted: string): PostNode | undefined {
  const url = `/${wanted.replace(/^https?:\/\/[^/]+/, '').replace(/^\/+|\/+$/g, '')}/`;
  return posts.find((p) => p.sourcePath === wanted || p.slug === wanted || p.url === url || p.sourcePath.endsWith(`/${wanted}`));
}

function formatExplanation(e: RelatedExplanation, config: SiteConfig): string {
  const r = config.related;
  const lines = [
    `${e.post.title} (${e.post.sourcePath})`,
    `config: limit ${r.limit}, threshold ${r.threshold}, includeNewer ${r.includeNewer}, maxShare ${r.maxShare}, weights tags ${r.weights.tags} categories ${r.weights.categories} authors ${r.weights.authors} date ${r.weights.date}`,
    `ignored as too common: ${e.ignored.length ? e.ignored.join(', ') : 'none'}`,
    '',
    '  score   tags  categ  authr   date  article',
  ];
  for (const c of e.candidates) {
    const parts = [c.score, c.contributions.tags, c.contributions.categories, c.contributions.authors, c.contributions.date].map((n) => n.toFixed(3).padStart(6));
    const mark = c.selected ? '*' : c.newer ? 'n' : c.aboveThreshold ? ' ' : '-';
    const shared = [...c.shared.tags, ...c.shared.categories, ...c.shared.authors].join(', ');
    lines.push(`${mark} ${parts.join(' ')}  ${c.post.title}${shared ? ` [${shared}]` : ''}`);
  }
  lines.push('', `* related  - below the threshold (${e.threshold})  n newer, left out by includeNewer: false`, '');
  return lines.join('\n');
}
