// Headlines from other sites, as templates see them: `externalFeeds.<name>`.

export interface ExternalFeedItem {
  /** Plain text: HTML and entities decoded; Handlebars escapes it. */
  title: string;
  /** Always http(s). */
  link: string;
  /** Absent when the feed gives no date for the item. */
  date?: Date;
  /** The site the headline comes from (the feed's own title, else its host). */
  source: string;
}

export interface ExternalFeed {
  name: string;
  /** The config's title, else the feed's own. */
  title: string;
  /** The source site's home page (http(s)). */
  siteUrl: string;
  source: string;
  items: ExternalFeedItem[];
}

/** Feed name → its widget's data, in config order. */
export type ExternalFeeds = Record<string, ExternalFeed>;
