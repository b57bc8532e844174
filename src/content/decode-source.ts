import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';

export interface DecodedSource {
  /** UTF-8 text without a BOM, with LF line endings; absent when the bytes are unusable. */
  text?: string;
  diagnostics: Diagnostic[];
}

const saveAsUtf8 = 'save the file as UTF-8 in your editor ("Save with encoding" → UTF-8)';

/**
 * Bytes → text. Refuses anything that is not valid UTF-8 instead of inserting
 * replacement characters, so a mis-saved file is fixed at its source rather
 * than published with "�" in it. BOM and CRLF/CR are normalised away so
 * positions and output match the LF version of the same file.
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  let decoded: string;
  try {
    // The default (ignoreBOM: false) drops one leading UTF-8 BOM.
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidPosition(bytes);
    return {
      diagnostics: [
        error(codes.fileEncoding, 'file is not valid UTF-8 text', { file, ...at, hint: saveAsUtf8 }),
      ],
    };
  }
  const text = decoded.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return {
      diagnostics: [
        error(codes.fileEncoding, 'file contains a NUL byte (it looks like a binary file)', {
          file,
          ...positionAfter(text.slice(0, nul)),
          hint: 'remove the NUL character, or move binary files out of content/',
        }),
      ],
    };
  }
  return { text, diagnostics: [] };
}

/**
 * Where the first undecodable character starts. A streaming fatal decoder only
 * throws once a prefix can no longer be valid, so the longest prefix it accepts
 * is found by binary search; the characters it yields end where the bad one begins.
 * Only runs on the error path.
 */
function firstInvalidPosition(bytes: Uint8Array): Position {
  // `bad` starts past the end: a file cut short mid-character is a valid stream prefix.
  let good = 0;
  let bad = bytes.length + 1;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodesAsPrefix(bytes.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, good), { stream: true });
  return positionAfter(prefix.replace(/\r\n?/g, '\n'));
}

function decodesAsPrefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The 1-based line and column of the character that follows `before`. */
function positionAfter(before: string): Position {
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
