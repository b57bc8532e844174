import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { join } from 'node:path';
import { repoRoot } from './temp-site.js';

// Validates with the repository's .htmlvalidate.json (the recommended preset
// and the few rules the theme departs from on purpose), whatever the page's folder.
const validator = new HtmlValidate(new FileSystemConfigLoader());
const configAnchor = join(repoRoot, 'page.html');

/** Problems html-validate finds, one `line:col rule message` string each; empty when the page is valid. */
export async function validateHtml(html: string): Promise<string[]> {
  const report = await validator.validateString(html, configAnchor);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}
