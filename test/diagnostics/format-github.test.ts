import { describe, expect, it } from 'vitest';
import { formatWorkflowCommand } from '../../src/diagnostics/format-github.js';

describe('formatWorkflowCommand', () => {
  it('writes an error with file, line, column and the code as title', () => {
    expect(formatWorkflowCommand({ code: 'MS201', severity: 'error', message: 'bad date', file: 'content/posts/a.md', line: 3, column: 7 })).toBe(
      '::error file=content/posts/a.md,line=3,col=7,title=MS201::bad date',
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const line = formatWorkflowCommand({ code: 'MS701', severity: 'warning', message: '100% broken\r\nnext', file: 'content/a,b:c%.md', line: 1, hint: 'fix it' });
    expect(line).toBe('::warning file=content/a%2Cb%3Ac%25.md,line=1,title=MS701::100%25 broken%0D%0Anext%0Ahint: fix it');
  });

  it('leaves out the place when the diagnostic has none', () => {
    expect(formatWorkflowCommand({ code: 'MS104', severity: 'error', message: 'no config' })).toBe('::error title=MS104::no config');
  });
});
