import { describe, expect, it } from 'vitest';
import { checkSlug, shortenSlug, slugify } from '../../src/text/slugify.js';

describe('slugify', () => {
  it.each([
    ['São Paulo', 'sao-paulo'],
    ['Türkiye', 'turkiye'],
    ['  Hello,  World!  ', 'hello-world'],
    ['Straße', 'strasse'],
    ['Æsir and Øresund', 'aesir-and-oresund'],
    ['Łódź', 'lodz'],
    ['Đà Nẵng', 'da-nang'],
    ['C++', 'c'],
    ['ﬁle Ａ１', 'file-a1'],
    ['Việt Nam', 'viet-nam'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('keeps letters of scripts without an ASCII form, lowercased NFC', () => {
    expect(slugify('Αθήνα')).toBe('αθήνα');
    expect(slugify('ΑΘΉΝΑ 2024')).toBe('αθήνα-2024');
    expect(slugify('اللاجئون في لبنان')).toBe('اللاجئون-في-لبنان');
    // Arabic vowel marks are optional in writing and left out of addresses.
    expect(slugify('الرجال أولًا، ثم الأطفال')).toBe('الرجال-أولا-ثم-الأطفال');
    expect(slugify('難民 問題')).toBe('難民-問題');
    expect(slugify('Αθήνα'.normalize('NFD'))).toBe('αθήνα'.normalize('NFC'));
  });

  it('gives an empty string when nothing is left', () => {
    expect(slugify('')).toBe('');
    expect(slugify('!!! / ..')).toBe('');
  });

  it('is idempotent on its own output', () => {
    for (const text of ['São Paulo', 'Αθήνα', 'Straße 12']) expect(slugify(slugify(text))).toBe(slugify(text));
  });
});

describe('checkSlug', () => {
  it.each(['../../x', 'a/b', '..\\..\\x', '%2e%2e', 'con', 'NUL', 'com1', 'lpt9.txt', 'a\u0000b', 'tab\there', '.hidden', 'trailing.', 'space ', ' lead', 'C:x', ''])(
    'refuses %j',
    (slug) => {
      expect(checkSlug(slug)).toEqual(expect.any(String));
    },
  );

  it('refuses slugs over 200 bytes, counting UTF-8 bytes', () => {
    expect(checkSlug('a'.repeat(200))).toBeUndefined();
    expect(checkSlug('a'.repeat(201))).toMatch(/200 bytes/);
    expect(checkSlug('α'.repeat(101))).toMatch(/200 bytes/);
  });

  it('accepts ordinary slugs, including non-Latin ones', () => {
    for (const slug of ['border-crossings-2024', 'αθήνα', 'console', 'a.b', 'Hello World']) expect(checkSlug(slug)).toBeUndefined();
  });

  it('names the reason', () => {
    expect(checkSlug('../../x')).toMatch(/"\/"/);
    expect(checkSlug('%2e%2e')).toMatch(/"%"/);
    expect(checkSlug('con')).toMatch(/reserved/);
  });
});

describe('shortenSlug', () => {
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  // 139 characters of Greek: 259 bytes as a slug, which once failed the whole build.
  const greekHeadline =
    'Η Ελλάδα εξετάζει νέους κανόνες για τις αιτήσεις ασύλου στα νησιά του Αιγαίου ενώ οι αφίξεις αυξάνονται κατά τη διάρκεια του χειμώνα του έτους';

  it('cuts a long slug at its last word boundary under 100 bytes, the same way every time', () => {
    const slug = slugify(greekHeadline);
    expect(bytes(slug)).toBeGreaterThan(200);
    const short = shortenSlug(slug);
    expect(bytes(short)).toBeLessThan(100);
    expect(short).toBe('η-ελλάδα-εξετάζει-νέους-κανόνες-για-τις-αιτήσεις');
    expect(slug.startsWith(`${short}-`)).toBe(true);
    expect(shortenSlug(slugify(greekHeadline))).toBe(short);
  });

  it('leaves a slug that fits alone, ASCII or not', () => {
    expect(shortenSlug('border-crossings-2024')).toBe('border-crossings-2024');
    expect(shortenSlug('a'.repeat(99))).toBe('a'.repeat(99));
    expect(shortenSlug('αθήνα')).toBe('αθήνα');
  });

  it('cuts a single overlong word between letters, keeping accents with their letters', () => {
    const word = 'ή'.normalize('NFD').repeat(40); // 40 × 4 bytes
    const short = shortenSlug(word);
    expect(bytes(short)).toBeLessThan(100);
    expect(short).toBe('ή'.normalize('NFD').repeat(24));
  });
});
