import type { ParseMany } from './content-store.js';
import parseBatch from './parse-worker.js';

/** Parses on the main thread: for small batches, where starting workers costs more than it saves. */
export const parseInProcess: ParseMany = async (sources, options) => parseBatch({ sources, options });
