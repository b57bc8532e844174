import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { withCompiledTheme, writeCompiledTheme } from '../../src/pipeline/compiled-theme.js';
import { createHelperRegistry } from '../../src/render/helper-registry.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { createTemplateEngine, type TemplateSet } from '../../src/render/template-engine.js';

// The built-in theme as `npm run build` compiles it: loaded instead of compiled,
// but only by the generator that wrote it and only for the text it compiled.

const dir = mkdtempSync(join(tmpdir(), 'migrant-site-compiled-theme-'));
const emptySite = join(dir, 'site');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const helpers = createHelperRegistry({ baseUrl: 'https://example.org/news/', language: 'en', timeZone: 'UTC' });
const all = (set: TemplateSet) => [...set.layouts, ...set.partials, ...(set.shortcodes ?? [])];

describe('the compiled built-in theme', () => {
  it('gives every built-in template its compiled form, and the engine renders from it what it would compile', async () => {
    const file = join(dir, 'theme.v8');
    const count = writeCompiledTheme(file);
    const read = loadTemplates(emptySite);
    expect(count).toBe(all(read).length);
    const withCompiled = withCompiledTheme(read, file);
    expect(all(withCompiled).filter((t) => !t.compiled)).toEqual([]);

    // Compiled with the helpers every build has, so a build loads them rather than compiling again.
    expect(new Set(all(withCompiled).map((t) => t.compiled!.helperNames))).toEqual(new Set([Object.keys(helpers).sort().join(',')]));
    const loaded = createTemplateEngine(withCompiled, helpers).engine!;
    const compiledHere = createTemplateEngine(read, helpers).engine!;
    for (const layout of ['home', 'post', 'list']) expect(loaded.filesOf(layout)).toEqual(compiledHere.filesOf(layout));
    expect(loaded.literalCalls('t')).toEqual(compiledHere.literalCalls('t'));
  });

  it('leaves a template whose text differs from the compiled one to be compiled', async () => {
    const file = join(dir, 'theme.v8');
    writeCompiledTheme(file);
    const read = loadTemplates(emptySite);
    const edited = { ...read, layouts: read.layouts.map((t) => (t.name === 'post' ? { ...t, source: `${t.source}<!-- edited -->` } : t)) };
    const loaded = withCompiledTheme(edited, file);
    expect(loaded.layouts.find((t) => t.name === 'post')!.compiled).toBeUndefined();
    expect(loaded.layouts.find((t) => t.name === 'home')!.compiled).toBeDefined();
  });

  it('ignores a compiled theme written by other code, or unreadable', async () => {
    const other = join(dir, 'other.v8');
    writeCompiledTheme(other);
    writeFileSync(other, serialize({ ...deserialize(readFileSync(other)), generator: 'another version of the generator' }));
    const garbled = join(dir, 'garbled.v8');
    writeFileSync(garbled, 'not a compiled theme');
    const read = loadTemplates(emptySite);
    expect(withCompiledTheme(read, other)).toBe(read);
    expect(withCompiledTheme(read, garbled)).toBe(read);
    expect(withCompiledTheme(read, join(dir, 'missing.v8'))).toBe(read);
  });
});
