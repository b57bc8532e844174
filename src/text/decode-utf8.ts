export interface TextPosition {
  line: number;
  column: number;
}

/** The hint for a file that is not valid UTF-8. */
export const saveAsUtf8 = 'save the file as UTF-8 in your editor ("Save with encoding" → UTF-8)';

export type DecodedUtf8 = { text: string } | { invalidAt: TextPosition };

/**
 * Bytes → text, refusing anything that is not valid UTF-8 instead of inserting
 * replacement characters, so a mis-saved file is fixed at its source rather
 * than published with "�" in it. One leading BOM is dropped and CRLF/CR become
 * LF, so positions and output match the LF version of the same file.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedUtf8 {
  try {
    // The default (ignoreBOM: false) drops one leading UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n') };
  } catch {
    return { invalidAt: firstInvalidPosition(bytes) };
  }
}

/**
 * Where the first undecodable character starts. A streaming fatal decoder only
 * throws once a prefix can no longer be valid, so the longest prefix it accepts
 * is found by binary search; the characters it yields end where the bad one begins.
 * Only runs on the error path.
 */
function firstInvalidPosition(bytes: Uint8Array): TextPosition {
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
export function positionAfter(before: string): TextPosition {
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
