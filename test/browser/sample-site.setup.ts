import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

// The repository's own site, built once for the whole browser project (after
// compile-lib has brought lib/ up to date): every file serves this one folder,
// read-only, instead of building its own copy.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sample site built under https://example.org/news/ (see serveSampleSite). */
    sampleSite: string;
  }
}

const root = join(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject): Promise<() => void> {
  const out = mkdtempSync(join(tmpdir(), 'migrant-site-browser-'));
  const site = join(out, 'site');
  const args = ['build', '--config', join(root, 'site.config.json'), '--out', site, '--base-url', 'https://example.org/news/', '--now', '2026-11-28T12:00:00Z', '--offline', '-q'];
  await promisify(execFile)(process.execPath, [join(root, 'bin', 'migrant-site.js'), ...args], { cwd: root });
  project.provide('sampleSite', site);
  return () => rmSync(out, { recursive: true, force: true });
}
