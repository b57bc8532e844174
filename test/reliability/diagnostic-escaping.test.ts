import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format-diagnostic.js';
import { createTempSite, type TempSite } from '../support/temp-site.js';

// Issue 11 item 14: values quoted from content cannot forge diagnostic lines or disguise file names.

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

describe('quoted values in diagnostics', () => {
  it('shows newlines, bidi controls and terminal escapes as visible escapes', () => {
    const text = formatDiagnostic({
      code: 'MS201',
      severity: 'error',
      message: "'date' is not a valid date (got \"x\ncontent/a.md:1:1 error MS000 forged\")",
      file: 'content/posts/evil\u202Etxt.md',
      line: 3,
      column: 7,
      hint: 'use \u001b[31mISO\u001b[0m dates',
    });
    expect(text).toBe(
      'content/posts/evil\\u202etxt.md:3:7 error MS201 \'date\' is not a valid date (got "x\\ncontent/a.md:1:1 error MS000 forged")\n  hint: use \\u001b[31mISO\\u001b[0m dates',
    );
    expect(text.split('\n')).toHaveLength(2);
  });

  it('a build prints one line per problem, however the content is written', async () => {
    const s = createTempSite({ 'content/posts/a\u202Egpj.md': '---\ntitle: A\ndate: "2024-01-01\\ncontent/posts/b.md:1:1 error MS000 forged"\n---\nBody\n' });
    sites.push(s);
    const result = await s.main('build', '--now=2024-11-10T12:00:00Z');
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => / error MS\d+ /.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/posts\/a\\u202egpj\.md:3:\d+ error MS201 .*\\ncontent\/posts\/b\.md:1:1 error MS000 forged/);
  });
});
