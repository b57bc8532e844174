import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8, positionAfter, saveAsUtf8 } from '../text/decode-utf8.js';

export interface DecodedSource {
  /** UTF-8 text without a BOM, with LF line endings; absent when the bytes are unusable. */
  text?: string;
  diagnostics: Diagnostic[];
}

/**
 * Bytes → text (see decodeUtf8), and no NUL bytes: content is text, never a
 * binary file saved under a text name.
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) {
    return { diagnostics: [error(codes.fileEncoding, 'file is not valid UTF-8 text', { file, ...decoded.invalidAt, hint: saveAsUtf8 })] };
  }
  const { text } = decoded;
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
