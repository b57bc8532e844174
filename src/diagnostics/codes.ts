// Stable diagnostic codes. Never reuse a number for a different problem.
// MS0xx command line, MS1xx config, MS2xx content, MS3xx site graph, MS4xx templates, MS5xx output, MS6xx dev server,
// MS7xx the built site (`migrant-site check`).
export const codes = {
  usage: 'MS001',
  /** A bug in migrant-site itself. */
  internal: 'MS002',

  configSyntax: 'MS101',
  configInvalid: 'MS102',
  configUnknownKey: 'MS103',
  configMissingFile: 'MS104',
  configUnsafeOutDir: 'MS105',

  fileEncoding: 'MS200',
  invalidDate: 'MS201',
  frontMatterUnterminated: 'MS202',
  frontMatterYaml: 'MS203',
  frontMatterDuplicateKey: 'MS204',
  frontMatterExecutable: 'MS205',
  frontMatterTag: 'MS206',
  frontMatterAlias: 'MS207',
  frontMatterUnsafeKey: 'MS208',
  fieldMissing: 'MS209',
  fieldType: 'MS210',
  unknownField: 'MS211',
  rawHtmlDropped: 'MS212',
  unsafeLink: 'MS213',
  contentRead: 'MS214',
  symlinkOutside: 'MS215',
  skippedFile: 'MS216',
  contentTooDeep: 'MS217',

  unknownAuthor: 'MS301',
  urlCollision: 'MS302',
  termVariants: 'MS303',
  termSlugCollision: 'MS304',
  unknownCategory: 'MS305',
  categoryCycle: 'MS306',
  badSlug: 'MS307',
  popularityData: 'MS308',
  popularityFallback: 'MS309',
  badTerm: 'MS310',

  templateSyntax: 'MS401',
  templateRender: 'MS402',
  missingLayout: 'MS403',

  outputEscapes: 'MS501',
  writeFailed: 'MS502',
  searchIndex: 'MS503',

  portInUse: 'MS601',

  brokenLink: 'MS701',
  missingAnchor: 'MS702',
  unpublishedLink: 'MS703',
  missingAlt: 'MS704',
  emptyHeading: 'MS705',
  duplicateId: 'MS706',
  missingTitle: 'MS707',
  missingCanonical: 'MS708',
  externalLink: 'MS709',
} as const;
