// Stable diagnostic codes. Never reuse a number for a different problem.
// MS0xx command line, MS1xx config, MS2xx content, MS3xx site graph, MS4xx templates, MS5xx output, MS6xx dev server,
// MS7xx the built site (`migrant-site check`).
export const codes = {
  usage: 'MS001',
  /** A bug in migrant-site itself. */
  internal: 'MS002',
  /** `merge` (numbered from 020): a folder that is not a shard's output, shards that are not of one site, a shard set with gaps or twins, files a shard lacks or shares. */
  shardNotABuild: 'MS020',
  shardMismatch: 'MS021',
  shardSetIncomplete: 'MS022',
  shardFiles: 'MS023',
  mergeIntoShard: 'MS024',

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
  contentTooLarge: 'MS218',
  tooManyDiagnostics: 'MS219',
  frontMatterFence: 'MS230',
  frontMatterToml: 'MS231',
  permalinkInvalid: 'MS232',
  bodyTemplate: 'MS240',
  bodyTemplateRefused: 'MS241',
  rawHtmlRemoved: 'MS242',
  embedRemoved: 'MS243',
  bodyLinkTarget: 'MS244',
  shortcodeMissing: 'MS245',
  siteData: 'MS246',
  /** A slug over 99 bytes, shortened at a word boundary (a warning). */
  slugShortened: 'MS247',
  /** Numbered from 260 so other new MS2xx codes can take 247–259. */
  imageMissing: 'MS260',
  imageUnreadable: 'MS261',

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
  /** Numbered from 320 so other new MS3xx codes can take 311–319. */
  authorTwins: 'MS320',
  /** Two articles (or pages) of one language share a translationKey. */
  translationTwins: 'MS321',

  templateSyntax: 'MS401',
  templateRender: 'MS402',
  missingLayout: 'MS403',
  templateEncoding: 'MS404',
  /** A theme translation file (i18n/<lang>.json) that cannot be read. */
  translationFile: 'MS405',
  /** A text key the templates use that the translation files lack (English is shown), or that English lacks (an error). */
  translationMissing: 'MS406',

  outputEscapes: 'MS501',
  writeFailed: 'MS502',
  searchIndex: 'MS503',
  /** An external feed (config externalFeeds) could not be fetched or read. */
  externalFeedUnavailable: 'MS504',
  /** Numbered from 510 so other new MS5xx codes can take 504–509. */
  outputLocked: 'MS510',
  oldOutputKept: 'MS511',
  hiddenOutputPath: 'MS512',
  outputRestored: 'MS513',

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
