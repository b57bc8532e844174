import { posix } from 'node:path';
import type { SizedImage, SocialImage } from '../graph/types.js';
import { hashOf } from '../text/hash.js';
import { encoderSettings, extensionOf, mediaTypeOf, resizable, socialSize, type OutputFormat } from './encoder-settings.js';

// Which files an image gets, as pure data: names and cache keys from the
// source's hash and the options, so a changed picture gets new URLs (and
// pages showing it new HTML), and an unchanged one is never encoded again.

/** A source image the stage read: where it is published and what it is. */
export interface SourceImage {
  /** Site-relative URL of the original: `/images/boat.jpg`. */
  url: string;
  /** Path of the original in the output folder: `images/boat.jpg`. */
  outputPath: string;
  /** Hash of the file's bytes. */
  hash: string;
  width: number;
  height: number;
}

export type ImageJob =
  | { kind: 'resize'; key: string; outputPath: string; width: number; format: OutputFormat }
  | { kind: 'social'; key: string; outputPath: string; fit: 'cover' | 'contain' };

export interface VariantOptions {
  widths: readonly number[];
  formats: readonly OutputFormat[];
  /** The image library's version: a new encoder makes new bytes. */
  codec: string;
}

/** The extension of a URL or path, lowercase, without the dot. */
export const extensionOfPath = (path: string) => posix.extname(path.split(/[?#]/)[0]).slice(1).toLowerCase();

/** The widths to make: the configured ones below the image's own, and the image's own when it is not wider than the largest. */
export function chooseWidths(imageWidth: number, widths: readonly number[]): number[] {
  const sorted = [...new Set(widths)].sort((a, b) => a - b);
  const below = sorted.filter((w) => w < imageWidth);
  return imageWidth <= sorted[sorted.length - 1] || below.length === 0 ? [...below, imageWidth] : below;
}

/** The resized files of one source and the SizedImage that shows them. */
export function planVariants(source: SourceImage, options: VariantOptions): { sized: SizedImage; jobs: ImageJob[] } {
  const own = resizable[extensionOfPath(source.outputPath)];
  const plain = { src: source.url, width: source.width, height: source.height, srcset: '', sources: [] };
  if (!own) return { sized: plain, jobs: [] };
  const widths = chooseWidths(source.width, options.widths);
  const formats = [...options.formats.filter((f) => f !== own), own];
  const jobs: ImageJob[] = formats.flatMap((format) =>
    widths.map((width) => {
      const key = keyOf(source.hash, options.codec, format, width, encoderSettings[format]);
      return { kind: 'resize' as const, key, outputPath: siblingPath(source.outputPath, `${width}w.${key.slice(0, 10)}.${extensionOf[format]}`), width, format };
    }),
  );
  const srcsetOf = (format: OutputFormat) =>
    jobs
      .filter((j) => j.kind === 'resize' && j.format === format)
      .map((j) => `${srcsetUrl(j.outputPath)} ${(j as { width: number }).width}w`)
      .join(', ');
  // The fallback for browsers without srcset: a screen-sized copy, not a 4,000-pixel original.
  const fallbackWidth = [...widths].reverse().find((w) => w <= 1200) ?? widths[0];
  const fallback = jobs.find((j) => j.kind === 'resize' && j.format === own && j.width === fallbackWidth)!;
  const sized: SizedImage = {
    src: `/${fallback.outputPath}`,
    width: source.width,
    height: source.height,
    srcset: srcsetOf(own),
    sources: formats.filter((f) => f !== own).map((f) => ({ type: mediaTypeOf[f], srcset: srcsetOf(f) })),
  };
  return { sized, jobs };
}

/**
 * The 1200×630 social-preview raster of a source: a photo is cropped to fill it, a
 * logo (`contain`) is centred on white. Written under `/social/`.
 */
export function planSocial(source: Pick<SourceImage, 'outputPath' | 'hash'>, fit: 'cover' | 'contain', codec: string): { image: SocialImage; job: ImageJob } {
  const key = keyOf(source.hash, codec, 'social', fit, socialSize, encoderSettings.jpeg);
  const stem = posix.parse(source.outputPath).name;
  const outputPath = `social/${stem}.${key.slice(0, 10)}.jpg`;
  return { image: { src: `/${outputPath}`, ...socialSize }, job: { kind: 'social', key, outputPath, fit } };
}

/** A srcset candidate's URL: spaces and commas would split the list, so they are escaped (`%XX` is kept as it is by toSiteUrl). */
function srcsetUrl(outputPath: string): string {
  return `/${outputPath.replace(/%/g, '%25').replace(/ /g, '%20').replace(/,/g, '%2C')}`;
}

/** `images/boat.jpg` + `800w.3f9a1c2b7d.webp` → `images/boat.800w.3f9a1c2b7d.webp`. */
function siblingPath(outputPath: string, suffix: string): string {
  const { dir, name } = posix.parse(outputPath);
  return posix.join(dir, `${name}.${suffix}`);
}

/** A file-name-safe key (lowercase hex, so case-insensitive file systems cannot merge two). */
function keyOf(...parts: unknown[]): string {
  return Buffer.from(hashOf(...parts.map((p) => JSON.stringify(p))), 'base64').toString('hex');
}
