declare module 'commonmark-spec' {
  const spec: { tests: { markdown: string; html: string; section: string; number: number }[] };
  export default spec;
}
declare module '*/bench/gen-corpus.mjs' {
  export function createCorpus(seed?: number): { post(i: number): { slug: string; text: string } };
}
