export const exitCodes = {
  ok: 0,
  /** Content, template or output problems. */
  contentError: 1,
  /** Bad command-line usage or site.config.json. */
  usageError: 2,
} as const;
