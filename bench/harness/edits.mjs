// The edits the watch bench makes to an article, each a toggle: applied to the original
// text it makes the change, applied again it takes it back. So every save differs from the
// file on disk (a real change to rebuild), and an even number of saves leaves the corpus
// as it was generated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sentence = ' The bench added this sentence to the last paragraph.';

/** Appends a sentence to the article's last paragraph, far below its summary, or removes it again. */
export function toggleBodyEdit(text) {
  if (text.includes(sentence)) return text.replace(sentence, '');
  const trailing = /\s*$/.exec(text)[0];
  return text.slice(0, text.length - trailing.length) + sentence + trailing;
}

/** Adds `tag` to the article's front-matter tags, or removes it again. */
export function toggleTag(text, tag) {
  const line = `  - ${JSON.stringify(tag)}\n`;
  return text.includes(`tags:\n${line}`) ? text.replace(`tags:\n${line}`, 'tags:\n') : text.replace('tags:\n', `tags:\n${line}`);
}

/**
 * Two articles from the middle of the corpus, one for body edits (one whose last block is a
 * plain paragraph) and one for tag changes, with a tag it lacks taken from its neighbour
 * (so the tag's page exists and gains an article). Each: { file, url, tag? }.
 */
export function pickArticles(site) {
  const dir = join(site, 'content', 'posts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const read = (f) => readFileSync(join(dir, f), 'utf8');
  const article = (f) => ({ file: join(dir, f), url: `/posts/${f.slice(0, -3)}/` });
  const body = files.slice(files.length >> 1).find((f) => endsWithParagraph(read(f)));
  const tagIndex = Math.floor(files.length / 3);
  const own = tagsOf(read(files[tagIndex]));
  const tag = tagsOf(read(files[tagIndex + 1])).find((t) => !own.includes(t));
  if (!body || !tag) throw new Error(`found no article to edit in ${dir}`);
  return { body: article(body), tag: { ...article(files[tagIndex]), tag } };
}

function endsWithParagraph(text) {
  const last = text.trimEnd().split('\n').at(-1);
  return text.includes('tags:\n') && !/^\s*([-*+>|#]|\d+\.|```)/.test(last);
}

function tagsOf(text) {
  const block = /^tags:\n((?: {2}- .*\n)+)/m.exec(text)?.[1] ?? '';
  return block.split('\n').filter(Boolean).map((l) => JSON.parse(l.slice(4)));
}
