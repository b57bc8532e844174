export interface PageOf<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** Site-relative; page 1 is the base URL itself, page N is `${base}page/N/`. */
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

/** Splits a list into pages; an empty list still has one (empty) page, so its index exists. */
export function paginate<T>(items: readonly T[], perPage: number, baseUrl: string): Array<PageOf<T>> {
  const size = Math.max(1, Math.floor(perPage));
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const urlOf = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: totalPages }, (_, i) => {
    const pageNumber = i + 1;
    return {
      items: items.slice(i * size, (i + 1) * size),
      pageNumber,
      totalPages,
      url: urlOf(pageNumber),
      prevUrl: pageNumber > 1 ? urlOf(pageNumber - 1) : undefined,
      nextUrl: pageNumber < totalPages ? urlOf(pageNumber + 1) : undefined,
    };
  });
}
