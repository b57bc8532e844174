// Identity of a tag, category or author id as editors type it: "Asylum",
// "asylum" and "ASYLUM " are one term; "Türkiye" and "Turkiye" too.

/** NFC, lowercased, accents stripped, whitespace collapsed. */
export function termKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
