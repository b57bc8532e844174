import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// The repository's own site, built once for the whole browser project (after
// compile-lib has brought lib/ up to date): every file serves this one folder,
// read-only, instead of building its own copy.
// The build is started here and not awaited: vitest holds every project's files
// until all global setups return, and this build (pictures encoded on a fresh
// clone) was most of that wait. Browser files wait for it (sampleSiteDir()).

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the sample site is built under https://example.org/news/ (see sampleSiteDir). */
    sampleSite: string;
  }
}

const root = join(import.meta.dirname, '..', '..');

/** Beside the site folder once the build has ended: `built`, or `failed` holding the build's error. */
export const builtMarker = (site: string) => `${site}.built`;
export const failedMarker = (site: string) => `${site}.failed`;

export default function setup(project: TestProject): () => Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'migrant-site-browser-'));
  const site = join(out, 'site');
  const args = ['build', '--config', join(root, 'site.config.json'), '--out', site, '--base-url', 'https://example.org/news/', '--now', '2026-11-28T12:00:00Z', '--offline', '-q'];
  const ended = new Promise<void>((done) => {
    execFile(process.execPath, [join(root, 'bin', 'migrant-site.js'), ...args], { cwd: root }, (error, _stdout, stderr) => {
      if (error) writeFileSync(failedMarker(site), `the sample site did not build: ${error.message}\n${stderr}`);
      else writeFileSync(builtMarker(site), '');
      done();
    });
  });
  project.provide('sampleSite', site);
  return async () => {
    await ended;
    rmSync(out, { recursive: true, force: true });
  };
}
