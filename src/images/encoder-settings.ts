// How each format is encoded. These values are part of every resized file's
// cache key (see plan-variants.ts): changing one makes the files again.

export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** Formats the image stage resizes; any other file (SVG, GIF) is shown as it is, with its size. */
export const resizable: Record<string, OutputFormat> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif' };

export const encoderSettings = {
  // Effort 2: a tenth of the default's time for files about a third larger.
  avif: { quality: 50, effort: 2 },
  webp: { quality: 74, effort: 4 },
  jpeg: { quality: 78, mozjpeg: true },
  png: { compressionLevel: 9, effort: 7 },
} as const;

export const extensionOf: Record<OutputFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

export const mediaTypeOf: Record<OutputFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

/** Open Graph and X show previews at 1.91:1; 1200×630 is what both recommend. */
export const socialSize = { width: 1200, height: 630 } as const;
