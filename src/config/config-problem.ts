// Problems found in the config before they get a place in the file. Checks
// name a JSON path; validateConfig turns the path into a line and column.

export type JsonPath = (string | number)[];

export interface ConfigProblem {
  code: string;
  path: JsonPath;
  /** Point at the key itself (unknown or bad names) or at its value. */
  at: 'key' | 'value';
  message: string;
  hint: string;
}

/** A problem already placed at an offset in the text (syntax, duplicate keys). */
export interface JsonProblem {
  code: string;
  offset: number;
  message: string;
  hint: string;
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `menus.header[2].url`, `taxonomies.categories.terms["Middle East"]`; `config` for the root. */
export function formatJsonPath(path: JsonPath): string {
  if (path.length === 0) return 'config';
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (!identifier.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/** A value quoted for a message, cut short so a huge value cannot flood the terminal. */
export function quoteValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
