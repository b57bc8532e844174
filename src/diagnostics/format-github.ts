import type { Diagnostic } from './diagnostic.js';

// GitHub Actions workflow commands
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// `::error file=…,line=…,col=…,title=…::message` puts the message on the
// pull request's changed line. Data escapes %, CR and LF; property values
// also escape `:` and `,`, which would end them.

export function formatWorkflowCommand(d: Diagnostic): string {
  const properties = [
    d.file !== undefined && `file=${escapeProperty(d.file)}`,
    d.line !== undefined && `line=${d.line}`,
    d.line !== undefined && d.column !== undefined && `col=${d.column}`,
    `title=${escapeProperty(d.code)}`,
  ].filter(Boolean);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${d.severity} ${properties.join(',')}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
