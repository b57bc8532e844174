// Medians with their range: the machine is shared and noisy, so a single run means little.

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** "4.21 (3.90–4.80)", or "–" when nothing was measured. */
export function summarize(values, digits = 2) {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return '–';
  const f = (x) => x.toFixed(digits);
  return v.length === 1 ? f(v[0]) : `${f(median(v))} (${f(Math.min(...v))}–${f(Math.max(...v))})`;
}

export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
