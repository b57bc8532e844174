// Reads the config file and hands the text to the pure validator. Config
// problems stop the build at once, before anything is written.

import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, hasErrors, SiteError } from '../diagnostics/diagnostic.js';
import { checkOutDir } from './check-out-dir.js';
import { locateJsonPath } from './json-positions.js';
import type { SiteConfig } from './schema.js';
import { validateConfig } from './validate-config.js';

export const configFileName = 'site.config.json';

export interface LoadedConfig {
  config: SiteConfig;
  /** The config file relative to the site root, as diagnostics name it. */
  file: string;
  /** Absolute path of the folder holding the config: the site root. */
  root: string;
}

export async function loadConfig(configPath: string): Promise<LoadedConfig> {
  const absolute = path.resolve(configPath);
  const root = path.dirname(absolute);
  const file = path.basename(absolute);
  const text = await readConfigText(absolute, file);
  const { config, diagnostics } = validateConfig(text, file);
  if (!config || hasErrors(diagnostics)) throw new SiteError(diagnostics);
  const unsafe = checkOutDir(root, config.outDir, homedir());
  if (unsafe) throw new SiteError({ ...unsafe, file, ...locateJsonPath(text, ['outDir']) });
  return { config, file, root };
}

async function readConfigText(absolute: string, file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `no config file at ${absolute}` : `cannot read the config file ${absolute}`;
    const hint = missing
      ? `create ${configFileName} in the site folder, or pass --config <file>`
      : 'check that the path is a readable file, or pass --config <file>';
    throw new SiteError(error(codes.configMissingFile, message, { file, hint }), { cause });
  }
  try {
    // Fatal decoding: a wrong encoding is reported, never replaced with U+FFFD.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new SiteError(error(codes.configSyntax, 'the config file is not valid UTF-8', { file, hint: 'save the file as UTF-8' }), { cause });
  }
}
