// Permalink patterns become output paths, so they are checked before any
// route is planned: only known tokens, one slash at each end, no climbing out.

import { codes } from '../diagnostics/codes.js';
import { quoteValue, type ConfigProblem } from './config-problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { hiddenSegmentOf } from '../paths/hidden-segment.js';
import type { SiteConfig } from './schema.js';

const postTokens = ['slug', 'yyyy', 'mm', 'dd', 'category'];
const otherTokens = ['slug'];

export function checkPermalinks(permalinks: SiteConfig['permalinks']): ConfigProblem[] {
  return Object.entries(permalinks).flatMap(([kind, pattern]) =>
    findPermalinkProblems(kind, pattern).map(([message, hint]) => ({
      code: codes.configInvalid,
      path: ['permalinks', kind],
      at: 'value' as const,
      message: `permalinks.${kind}: ${message}`,
      hint,
    })),
  );
}

function findPermalinkProblems(kind: string, pattern: string): [message: string, hint: string][] {
  const allowed = kind === 'post' ? postTokens : otherTokens;
  const problems: [string, string][] = [];
  if (!pattern.startsWith('/') || !pattern.endsWith('/')) {
    problems.push(['must start and end with "/"', `write it as ${quoteValue(`/${pattern.replace(/^\/+|\/+$/g, '')}/`)}`]);
  }
  let slugTypo = false;
  for (const [, name] of pattern.matchAll(/\{([^{}]*)\}/g)) {
    if (allowed.includes(name)) continue;
    const guess = didYouMean(name, allowed);
    slugTypo ||= guess === 'slug';
    const list = allowed.map((token) => `{${token}}`).join(', ');
    problems.push([`unknown token {${name}}`, guess ? `did you mean '{${guess}}'?` : `${kind} permalinks may use only ${list}`]);
  }
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ''))) problems.push(['unbalanced { or }', 'write tokens as {slug}']);
  // A misspelt {slug} is already reported; saying it is missing too would be noise.
  if (!pattern.includes('{slug}') && !slugTypo) {
    problems.push(['must contain {slug}', `add {slug} so that every ${kind} gets its own address`]);
  }
  if (pattern.split('/').some((segment) => segment === '.' || segment === '..')) {
    problems.push(['must not contain "." or ".." segments', 'remove them; an address cannot climb out of the site']);
  }
  const hidden = hiddenSegmentOf(pattern);
  if (hidden) problems.push([`must not contain hidden segments ("${hidden}")`, 'remove the leading dot; hosts read dotfiles and dot-folders as configuration']);
  if (pattern.includes('//')) problems.push(['must not contain "//"', 'remove the extra slash']);
  if (/[\\?#\s]/.test(pattern)) problems.push(['must not contain backslashes, "?", "#" or spaces', 'remove them']);
  return problems;
}
