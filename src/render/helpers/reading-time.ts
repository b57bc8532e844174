/** "1 Min Read", "3 Mins Read": the theme's wording for a post's reading time. */
export function readingTimeLabel(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'Min' : 'Mins'} Read`;
}
