// XML 1.0 cannot carry most C0 control characters even as references, so they
// are dropped rather than producing a file no parser accepts.
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML or HTML element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(forbidden, '').replace(/[&<>"']/g, (c) => entities[c]);
}

/** `<name>text</name>`, indented; text escaped. */
export function xmlElement(name: string, text: string, indent: number): string {
  return `${' '.repeat(indent)}<${name}>${escapeXml(text)}</${name}>`;
}
