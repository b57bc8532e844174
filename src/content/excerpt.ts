/** Cuts plain text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function toExcerpt(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : clean.slice(0, max)).replace(/[\s,;:.!?–—-]+$/u, '');
  return `${head}…`;
}

/** Minutes to read at `wordsPerMinute`, never less than one. */
export function toReadingMinutes(wordCount: number, wordsPerMinute: number): number {
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}
