// bench/.work/ (git-ignored): generated corpora, cached by (articles, seed, generator
// version), build outputs, and a trash folder. Outputs of cold runs are moved to the trash
// and deleted only at the end, because deleting thousands of files slows the disk's writes
// for a while after and would tax whichever build came next.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCorpus } from '../gen-corpus.mjs';
import { writeCorpus, writeSite } from './site-layout.mjs';

export const benchDir = fileURLToPath(new URL('../', import.meta.url));
export const repoRoot = join(benchDir, '..');
export const workDir = join(benchDir, '.work');
const trashDir = join(workDir, 'trash');

/**
 * The corpus for (articles, seed): `corpus/posts` in the generator's format and `site/`
 * for migrant-site, regenerated only when missing or when the generator changed.
 */
export function ensureCorpus(articles, seed) {
  const dir = join(workDir, `corpus-n${articles}-s${seed}`);
  const site = join(dir, 'site');
  const corpus = join(dir, 'corpus');
  const stampFile = join(dir, 'stamp');
  const stamp = generatorStamp(articles, seed);
  const reused = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (!reused) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const generator = createCorpus(seed);
    writeCorpus(generator, articles, corpus);
    writeSite(generator, articles, site);
    writeFileSync(stampFile, stamp);
  }
  return { dir, site, corpus, reused };
}

function generatorStamp(articles, seed) {
  const hash = createHash('sha256');
  for (const f of ['gen-corpus.mjs', 'harness/site-layout.mjs']) hash.update(readFileSync(join(benchDir, f)));
  return `${articles} ${seed} ${hash.digest('hex')}`;
}

let trashed = 0;

/** Moves a file or folder out of the way (a cheap rename); emptyTrash() deletes it later. */
export function discard(path) {
  if (!existsSync(path)) return;
  mkdirSync(trashDir, { recursive: true });
  renameSync(path, join(trashDir, `${process.pid}-${trashed++}`));
}

export function emptyTrash() {
  rmSync(trashDir, { recursive: true, force: true });
}
