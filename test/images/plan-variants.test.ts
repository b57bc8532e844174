import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toOutputPath } from '../../src/routes/output-path.js';
import { chooseWidths, planSocial, planVariants } from '../../src/images/plan-variants.js';

const options = { widths: [400, 800, 1200, 1600], formats: ['avif', 'webp'] as const, codec: 'sharp@test' };
const photo = { url: '/images/boat.jpg', outputPath: 'images/boat.jpg', hash: 'aGFzaC1vbmU=', width: 2400, height: 1600 };

describe('chooseWidths', () => {
  it('never makes a copy wider than the picture: its own width replaces the wider ones', () => {
    expect(chooseWidths(2400, [400, 800, 1200, 1600])).toEqual([400, 800, 1200, 1600]);
    expect(chooseWidths(1000, [400, 800, 1200, 1600])).toEqual([400, 800, 1000]);
    expect(chooseWidths(1600, [1600, 400, 800, 800])).toEqual([400, 800, 1600]);
    expect(chooseWidths(300, [400, 800])).toEqual([300]);
  });
});

describe('planVariants', () => {
  it('makes every width in AVIF, WebP and the own format, offered in that order, with a screen-sized fallback', () => {
    const { sized, jobs } = planVariants(photo, options);
    expect(jobs.map((j) => (j.kind === 'resize' ? `${j.format} ${j.width}` : j.kind))).toEqual([
      'avif 400', 'avif 800', 'avif 1200', 'avif 1600', 'webp 400', 'webp 800', 'webp 1200', 'webp 1600', 'jpeg 400', 'jpeg 800', 'jpeg 1200', 'jpeg 1600',
    ]);
    expect(jobs.every((j) => /^images\/boat\.\d+w\.[0-9a-f]{10}\.(avif|webp|jpg)$/.test(j.outputPath))).toBe(true);
    expect(sized.width).toBe(2400);
    expect(sized.height).toBe(1600);
    expect(sized.src).toMatch(/^\/images\/boat\.1200w\.[0-9a-f]{10}\.jpg$/);
    expect(sized.srcset.split(', ').map((c) => c.split(' ')[1])).toEqual(['400w', '800w', '1200w', '1600w']);
    expect(sized.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
  });

  it('gives a changed picture new file names, and the same picture the same ones', () => {
    const first = planVariants(photo, options).jobs.map((j) => j.outputPath);
    expect(planVariants({ ...photo }, options).jobs.map((j) => j.outputPath)).toEqual(first);
    const changed = planVariants({ ...photo, hash: 'aGFzaC10d28=' }, options).jobs.map((j) => j.outputPath);
    expect(changed.filter((p) => first.includes(p))).toEqual([]);
    const reencoded = planVariants(photo, { ...options, codec: 'sharp@next' }).jobs.map((j) => j.outputPath);
    expect(reencoded.filter((p) => first.includes(p))).toEqual([]);
  });

  it('shows an SVG or a GIF as it is, with its size', () => {
    for (const ext of ['svg', 'gif']) {
      const { sized, jobs } = planVariants({ ...photo, url: `/images/map.${ext}`, outputPath: `images/map.${ext}`, width: 600, height: 400 }, options);
      expect(jobs).toEqual([]);
      expect(sized).toEqual({ src: `/images/map.${ext}`, width: 600, height: 400, srcset: '', sources: [] });
    }
  });

  it('writes every copy beside its picture, at a path the output folder can hold', () => {
    for (const outputPath of ['images/boat.jpg', '2024/05/x/chart.png', 'a b/ça va.webp', 'top.avif']) {
      for (const job of planVariants({ ...photo, url: `/${outputPath}`, outputPath }, options).jobs) {
        expect(posix.dirname(job.outputPath)).toBe(posix.dirname(outputPath));
        expect(toOutputPath(`/${job.outputPath}`)).toBe(job.outputPath);
      }
      expect(toOutputPath(planSocial({ ...photo, outputPath }, 'cover', 'sharp@test').image.src)).toMatch(/^social\/[^/]+\.jpg$/);
    }
  });

  it('escapes spaces and commas in srcset URLs, which would split the list', () => {
    const { sized } = planVariants({ ...photo, url: '/images/a, b.png', outputPath: 'images/a, b.png', width: 500 }, { ...options, widths: [400, 800] });
    expect(sized.srcset).toMatch(/^\/images\/a%2C%20b\.400w\.[0-9a-f]{10}\.png 400w, \/images\/a%2C%20b\.500w\.[0-9a-f]{10}\.png 500w$/);
  });
});

describe('planSocial', () => {
  it('names a 1200×630 JPEG under /social/ by the picture and how it is fitted', () => {
    const cover = planSocial(photo, 'cover', 'sharp@test');
    expect(cover.image).toEqual({ src: expect.stringMatching(/^\/social\/boat\.[0-9a-f]{10}\.jpg$/), width: 1200, height: 630 });
    expect(planSocial(photo, 'contain', 'sharp@test').image.src).not.toBe(cover.image.src);
  });
});
