// Rewrites zod's issues as config problems in the reader's terms: the JSON path,
// what was found, and what to write instead.

import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import { codes } from '../diagnostics/codes.js';
import { formatJsonPath, quoteValue, type ConfigProblem, type JsonPath } from './config-problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { allowedKeysAt } from './schema-keys.js';

const kinds: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

export function describeIssue(issue: z.core.$ZodIssue, tree: Node, schema: z.ZodType): ConfigProblem[] {
  const path = issue.path as JsonPath;
  const node = findNodeAtLocation(tree, path);
  const invalid = (message: string, hint: string, at: ConfigProblem['at'] = 'value'): ConfigProblem[] => [
    { code: codes.configInvalid, path, at, message: `${formatJsonPath(path)}: ${message}`, hint },
  ];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(schema, path, key));
    case 'invalid_type': {
      const expected = kinds[issue.expected] ?? issue.expected;
      if (!node) return invalid('missing required key', `add "${String(path.at(-1))}" with ${expected} as its value`);
      return invalid(`expected ${expected}, got ${describeNode(node)}`, `change the value to ${expected}`);
    }
    case 'too_small':
    case 'too_big': {
      const bound = describeBound(issue);
      if (issue.origin === 'string' && issue.code === 'too_small' && Number(issue.minimum) <= 1) {
        return invalid('must not be empty', 'write some text between the quotes');
      }
      if (issue.origin === 'string') return invalid(`must be ${bound} characters long`, `write ${bound} characters`);
      return invalid(`must be ${bound}, got ${describeNode(node)}`, `use a number ${bound}`);
    }
    case 'invalid_format':
      return describeFormat(issue, node, invalid);
    case 'invalid_value': {
      const allowed = issue.values.map((value) => String(value));
      const guess = typeof node?.value === 'string' ? didYouMean(node.value, allowed) : undefined;
      const list = allowed.map((value) => quoteValue(value)).join(', ');
      return invalid(`${quoteValue(node?.value)} is not one of ${list}`, guess ? `did you mean '${guess}'?` : `use one of ${list}`);
    }
    case 'invalid_key':
      return invalid('invalid name', issue.issues[0]?.message ?? 'rename this key', 'key');
    default:
      return invalid(issue.message, 'check this setting in the README');
  }
}

function unknownKey(schema: z.ZodType, path: JsonPath, key: string): ConfigProblem {
  const allowed = allowedKeysAt(schema, path);
  const guess = didYouMean(key, allowed);
  const hint = guess ? `did you mean '${guess}'?` : `remove it; allowed keys here: ${allowed.join(', ')}`;
  const keyPath = [...path, key];
  return { code: codes.configUnknownKey, path: keyPath, at: 'key', message: `${formatJsonPath(keyPath)}: unknown key`, hint };
}

function describeFormat(
  issue: z.core.$ZodIssueInvalidStringFormat,
  node: Node | undefined,
  invalid: (message: string, hint: string) => ConfigProblem[],
): ConfigProblem[] {
  const value = quoteValue(node?.value);
  if (issue.format === 'url') {
    return invalid(`${value} is not a web address`, 'write a full http(s) address such as "https://example.org/"');
  }
  if (issue.format === 'email') return invalid(`${value} is not an email address`, 'write an address such as "desk@example.org"');
  // The schema's own regex messages are phrased as advice, so they become the hint.
  return invalid(`${value} is not in the expected format`, issue.message);
}

function describeBound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.code === 'too_small') return `${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
  return `${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
}

function describeNode(node: Node | undefined): string {
  if (!node) return 'nothing';
  if (node.type === 'object' || node.type === 'array') return kinds[node.type];
  if (node.type === 'string') return `the string ${quoteValue(node.value)}`;
  return String(node.value);
}
