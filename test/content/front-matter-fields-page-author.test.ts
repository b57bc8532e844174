import { describe, expect, it } from 'vitest';
import { readAuthorFields, readPageFields } from '../../src/content/front-matter-fields.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const file = 'content/authors/amira.md';
const fm = (yaml: string) => parseFrontMatter(`---\n${yaml}\n---\nbody\n`, file);
const summary = (result: { diagnostics: { code: string; line?: number; column?: number; message: string }[] }) =>
  result.diagnostics.map((d) => [d.code, d.line, d.column, d.message]);

describe('readPageFields', () => {
  it('reads title, slug and description', () => {
    expect(readPageFields(fm('title: About us\nslug: about\ndescription: Who we are'), file)).toEqual({
      fields: { title: 'About us', slug: 'about', description: 'Who we are', language: {} },
      diagnostics: [],
    });
  });

  it('requires a title', () => {
    const result = readPageFields(fm('slug: about'), file);
    expect(result.fields).toBeUndefined();
    expect(summary(result)).toEqual([['MS209', 1, 1, "'title' is missing"]]);
  });

  it('warns about post-only fields', () => {
    const result = readPageFields(fm('title: About\ndate: 2024-11-06\ndescriptoin: x'), file);
    expect(result.fields).toEqual({ title: 'About', slug: undefined, description: undefined, language: {} });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.hint])).toEqual([
      ['MS211', 'warning', 3, 'known fields: title, slug, description, lang, dir, translationkey'],
      ['MS211', 'warning', 4, "did you mean 'description'?"],
    ]);
  });
});

describe('readAuthorFields', () => {
  it('reads the profile and social links', () => {
    const result = readAuthorFields(
      fm('name: Amira Haddad\nrole: Editor\navatar: /img/amira.jpg\nemail: amira@example.org\nsocial:\n  x: https://x.com/amira\n  mastodon: https://mastodon.social/@amira'),
      file,
    );
    expect(result).toEqual({
      diagnostics: [],
      fields: {
        name: 'Amira Haddad',
        role: 'Editor',
        avatar: '/img/amira.jpg',
        email: 'amira@example.org',
        social: { x: 'https://x.com/amira', mastodon: 'https://mastodon.social/@amira' },
      },
    });
  });

  it('defaults social to an empty mapping', () => {
    expect(readAuthorFields(fm('name: A'), file).fields).toEqual({ name: 'A', role: undefined, avatar: undefined, email: undefined, social: {} });
  });

  it('requires a name', () => {
    expect(summary(readAuthorFields(fm('role: Editor'), file))).toEqual([['MS209', 1, 1, "'name' is missing"]]);
  });

  it('reports social links that are not web addresses', () => {
    const result = readAuthorFields(fm('name: A\nsocial:\n  x: "@amira"\n  web: 42'), file);
    expect(result.fields).toBeUndefined();
    expect(summary(result)).toEqual([
      ['MS210', 4, 3, "'social.x' must be a web address starting with https://"],
      ['MS210', 5, 8, "'social.web' must be text, not a number (42)"],
    ]);
  });

  it('reports social written as a list', () => {
    expect(summary(readAuthorFields(fm('name: A\nsocial: [https://x.com/a]'), file))).toEqual([
      ['MS210', 3, 1, "'social' must be a mapping, not a list"],
    ]);
  });
});
