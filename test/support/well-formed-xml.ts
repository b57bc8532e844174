import { SaxesParser } from 'saxes';

/**
 * Every well-formedness error in an XML document, from a strict XML 1.0
 * parser with namespaces (saxes). fast-xml-parser's XMLValidator accepts
 * `<b c="x<y"/>` and other broken feeds; this does not.
 */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => problems.push(e.message));
  parser.write(text).close();
  return problems;
}
