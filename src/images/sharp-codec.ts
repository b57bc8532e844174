import sharp from 'sharp';
import { encoderSettings, socialSize, type OutputFormat } from './encoder-settings.js';

// The only sharp import (libvips: fast, streaming resizes and AVIF/WebP
// encoders that no pure-JS library matches). Loaded on demand by the image
// stage: a warm build that needs no new file never pays for loading it.

export interface ImageSize {
  width: number;
  height: number;
}

/** The size a browser shows: EXIF orientations 5–8 swap width and height. */
export async function readImageSize(bytes: Uint8Array): Promise<ImageSize> {
  const m = await sharp(bytes, { animated: false }).metadata();
  if (!m.width || !m.height) throw new Error(`no size in ${m.format ?? 'unknown'} image`);
  const turned = (m.orientation ?? 1) >= 5;
  return turned ? { width: m.height, height: m.width } : { width: m.width, height: m.height };
}

/** A copy `width` pixels wide in `format`, upright, metadata stripped, never enlarged. */
export async function encodeResized(bytes: Uint8Array, width: number, format: OutputFormat): Promise<Buffer> {
  return sharp(bytes, { animated: false }).rotate().resize({ width, withoutEnlargement: true }).toFormat(format, encoderSettings[format]).toBuffer();
}

/**
 * A 1200×630 JPEG: `cover` crops a photo to fill it (keeping its most busy
 * part); `contain` centres a logo on white. An SVG is drawn at the density
 * that makes it at least that large, so it is never blurred by enlarging.
 */
export async function encodeSocial(bytes: Uint8Array, fit: 'cover' | 'contain'): Promise<Buffer> {
  const size = await sharp(bytes).metadata();
  const scale = Math.max(socialSize.width / (size.width || socialSize.width), socialSize.height / (size.height || socialSize.height));
  const density = size.format === 'svg' ? Math.min(2400, Math.ceil(72 * Math.max(1, scale))) : undefined;
  return sharp(bytes, { density, animated: false })
    .rotate()
    .resize({ ...socialSize, fit, position: fit === 'cover' ? sharp.strategy.attention : 'centre', background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .jpeg(encoderSettings.jpeg)
    .toBuffer();
}
