// Parses strict JSON into a tree that keeps offsets, and explains the first
// syntax error in words with a fix. Only the first: later ones are usually echoes.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { codes } from '../diagnostics/codes.js';
import type { JsonProblem } from './config-problem.js';
import { strictJson } from './json-positions.js';

// Far beyond any real config, low enough that no recursive walk can overflow the stack.
const maxNesting = 64;

export type ParsedJson = { tree: Node; problem?: undefined } | { tree?: undefined; problem: JsonProblem };

export function parseJsonTree(text: string): ParsedJson {
  const deep = findExcessNesting(text);
  if (deep !== undefined) {
    return { problem: syntax(deep, `nested more than ${maxNesting} levels deep`, 'flatten the structure') };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, strictJson);
  if (errors.length > 0) return { problem: describeSyntaxError(text, errors[0]) };
  if (!tree) return { problem: emptyFile(text.length) };
  return { tree };
}

// Keyed by error name: jsonc-parser's codes are an ambient const enum.
const plain: Partial<Record<string, [message: string, hint: string]>> = {
  InvalidCommentToken: ['comments are not allowed in JSON', 'remove the comment; the config file is plain JSON'],
  UnexpectedEndOfComment: ['comments are not allowed in JSON', 'remove the comment; the config file is plain JSON'],
  PropertyNameExpected: ['expected a key in double quotes', 'write each setting as "key": value'],
  ValueExpected: ['expected a value', 'write a string in double quotes, a number, true, false, null, an object or an array'],
  ColonExpected: ['expected a colon after the key', 'write each setting as "key": value'],
  CommaExpected: ['expected a comma', 'add a comma after the previous value'],
  CloseBraceExpected: ['expected } to close the object', 'add the missing }'],
  CloseBracketExpected: ['expected ] to close the array', 'add the missing ]'],
  EndOfFileExpected: ['unexpected text after the end of the config object', 'the file holds one JSON object; remove what follows it'],
  UnexpectedEndOfString: ['unterminated string', 'close the string with a double quote on the same line'],
  InvalidUnicode: ['invalid \\u escape', 'write \\u followed by four hex digits'],
  InvalidNumberFormat: ['invalid number', 'write numbers like 10 or 0.5'],
  UnexpectedEndOfNumber: ['invalid number', 'write numbers like 10 or 0.5'],
};

function describeSyntaxError(text: string, error: ParseError): JsonProblem {
  const token = text.slice(error.offset, error.offset + error.length);
  const name = printParseErrorCode(error.error);
  const expectedItem = name === 'PropertyNameExpected' || name === 'ValueExpected';
  const before = previousNonSpace(text, error.offset);
  if (expectedItem && (token === '}' || token === ']') && text[before] === ',') {
    return syntax(before, 'trailing comma', 'remove the trailing comma');
  }
  if (expectedItem && text.trim() === '') return emptyFile(error.offset);
  if (name === 'InvalidSymbol') return unexpectedSymbol(text, error.offset, token);
  if (name === 'InvalidCharacter') {
    const at = error.offset + token.search(/[\u0000-\u001f]/);
    return syntax(at, 'control character in a string', 'write a tab as \\t and a line break as \\n');
  }
  if (name === 'InvalidEscapeCharacter') {
    const at = error.offset + Math.max(0, token.search(/\\[^"\\/bfnrtu]/));
    return syntax(at, 'invalid escape sequence', 'write a backslash as \\\\');
  }
  const [message, hint] = plain[name] ?? ['invalid JSON', 'check the punctuation here'];
  return syntax(error.offset, message, hint);
}

function unexpectedSymbol(text: string, offset: number, token: string): JsonProblem {
  const shown = token.length > 20 ? `${token.slice(0, 20)}…` : token;
  const message = `unexpected ${shown}`;
  if (token.startsWith("'")) return syntax(offset, message, 'JSON strings and keys use double quotes');
  if (text[nextNonSpace(text, offset + token.length)] === ':') {
    return syntax(offset, message, `put the key in double quotes: "${shown}"`);
  }
  if (text[previousNonSpace(text, offset)] === '"') {
    return syntax(offset, message, 'a double quote is missing or misplaced in the string before this');
  }
  return syntax(offset, message, 'put text in double quotes; other values are numbers, true, false or null');
}

function emptyFile(offset: number): JsonProblem {
  return syntax(offset, 'the config file is empty', 'write the settings as a JSON object: { "title": "…", … }');
}

function syntax(offset: number, message: string, hint: string): JsonProblem {
  return { code: codes.configSyntax, offset, message, hint };
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function nextNonSpace(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Offset of the first bracket that opens one level too many, outside strings. */
function findExcessNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"' || ch === '\n') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (++depth > maxNesting) return i;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return undefined;
}
