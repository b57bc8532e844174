import { Parser } from 'htmlparser2';

// The one home of the HTML/XML parser (htmlparser2: fast, streaming, one
// parser for pages, feeds and sitemaps, with source offsets for each tag).

export interface MarkupElement {
  /** Lower-case in HTML; as written in XML (`content:encoded`). */
  name: string;
  attrs: Record<string, string>;
  /** Offset of the `<` that opens the element. */
  offset: number;
  /** Text inside the element (entities decoded); an image's alt counts as text. */
  text: string;
}

/** Every element of a document in source order, with its text content. */
export function parseMarkup(source: string, mode: 'html' | 'xml'): MarkupElement[] {
  const elements: MarkupElement[] = [];
  const open: MarkupElement[] = [];
  const addText = (text: string) => {
    for (const element of open) element.text += text;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: MarkupElement = { name, attrs, offset: parser.startIndex, text: '' };
        elements.push(element);
        open.push(element);
        if (name === 'img' && attrs.alt) addText(attrs.alt);
      },
      onclosetag() {
        open.pop();
      },
      ontext: addText,
    },
    { xmlMode: mode === 'xml', decodeEntities: true },
  );
  parser.end(source);
  return elements;
}
