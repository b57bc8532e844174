// Jekyll (Psych), Hugo (go-yaml) and Eleventy (js-yaml) all accept a quoted
// value that goes on over several lines whose continuation lines are not
// indented:
//
//   summary: "Arrivals rose in March,
//   the ministry said."
//
// The `yaml` package follows the YAML spec and rejects it. Rather than parse
// twice with a second, laxer parser, this pre-pass indents such continuation
// lines by the few spaces the spec asks for and remembers how many it added
// to each line, so every position reported afterwards is the one in the file.

export interface QuotedValue {
  quote: '"' | "'";
  /** 0-based line of the opening quote within the YAML text, and its 1-based column. */
  line: number;
  column: number;
  /** 0-based line on which the entry holding the value starts. */
  keyLine: number;
  /** A continuation line reads like the next field (`date: …`): the closing quote is probably missing. */
  runsIntoKey: boolean;
}

export interface IndentedYaml {
  text: string;
  /** Spaces added at the start of each 0-based line. */
  shifts: number[];
  /** Quoted values that span more than one line, in order. */
  multiLine: QuotedValue[];
  /** A quoted value whose closing quote never comes. */
  unclosed?: QuotedValue;
}

// `key: "…`, `- "…`, `- key: '…`: a line whose value opens with a quote.
const quotedValueStart = /^([ \t]*)((?:-[ \t]+)*)(?:(?:[^'"#\s][^#]*?|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:[ \t]+)?(["'])/;
const blockScalarStart = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/;
const looksLikeField = /^[ \t]*[^\s:'"#-][^:]*:(?:[ \t]|$)/;

export function indentQuotedContinuations(source: string): IndentedYaml {
  const lines = source.split('\n');
  const shifts = lines.map(() => 0);
  const multiLine: QuotedValue[] = [];
  let open: (QuotedValue & { indent: number }) | undefined;
  let blockIndent: number | undefined;

  lines.forEach((line, index) => {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (open) {
      if (line.trim() !== '' && indent <= open.indent) {
        shifts[index] = open.indent + 1 - indent;
        if (looksLikeField.test(line)) open.runsIntoKey = true;
      }
      if (closingQuote(line, 0, open.quote) >= 0) {
        multiLine.push(withoutIndent(open));
        open = undefined;
      }
      return;
    }
    if (blockIndent !== undefined) {
      if (line.trim() === '' || indent > blockIndent) return;
      blockIndent = undefined;
    }
    if (blockScalarStart.test(line)) {
      blockIndent = indent;
      return;
    }
    const match = quotedValueStart.exec(line);
    if (!match) return;
    const at = match[0].length - 1;
    const quote = match[3] as '"' | "'";
    if (closingQuote(line, at + 1, quote) >= 0) return;
    open = { quote, line: index, column: at + 1, keyLine: index, runsIntoKey: false, indent: match[1].length };
  });

  const text = lines.map((line, i) => ' '.repeat(shifts[i]) + line).join('\n');
  return { text, shifts, multiLine, ...(open ? { unclosed: withoutIndent(open) } : {}) };
}

/** Index of the quote that closes a value opened before `from`, or -1. */
function closingQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function withoutIndent({ indent: _indent, ...value }: QuotedValue & { indent: number }): QuotedValue {
  return value;
}
