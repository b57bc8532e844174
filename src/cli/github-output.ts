import { appendFile } from 'node:fs/promises';
import { formatWorkflowCommand } from '../diagnostics/format-github.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

// Output for GitHub Actions: each diagnostic again as a workflow command (an
// annotation on the pull request), and a table for the job summary page.

export interface GithubOutput {
  annotate(diagnostics: readonly Diagnostic[]): void;
  /** Appends markdown to the job summary ($GITHUB_STEP_SUMMARY), when the runner gives one. */
  summarize(markdown: string): Promise<void>;
}

export interface GithubOutputOptions {
  /** `--format github` */
  forced: boolean;
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
}

/** Undefined outside GitHub Actions unless `--format github` asks for it. */
export function createGithubOutput({ forced, env, write }: GithubOutputOptions): GithubOutput | undefined {
  if (!forced && env.GITHUB_ACTIONS !== 'true') return undefined;
  return {
    annotate(diagnostics) {
      const seen = new Set<string>();
      for (const d of diagnostics) {
        const line = formatWorkflowCommand(d);
        if (seen.has(line)) continue;
        seen.add(line);
        write(`${line}\n`);
      }
    },
    async summarize(markdown) {
      if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
    },
  };
}

/** One markdown table row per entry: | pages | posts | … |. Cells are escaped for the table. */
export function toMarkdownTable(title: string, rows: Record<string, string | number>): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const keys = Object.keys(rows);
  return [`### ${title}`, '', `| ${keys.join(' | ')} |`, `| ${keys.map(() => '---').join(' | ')} |`, `| ${keys.map((k) => cell(rows[k])).join(' | ')} |`, ''].join('\n');
}
