import { lintRuleIds } from '../support/lint';

/** The engine must run in the browser, the form and Node alike; the lint rule is what keeps it that way. */
const snippets: [string, string | null][] = [
  ["import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ["import * as React from 'react';\nexport const x = React;\n", 'no-restricted-imports'],
  ["import { Stack } from '@fluentui/react';\nexport const x = Stack;\n", 'no-restricted-imports'],
  ['export const x = () => Xrm.WebApi;\n', 'no-restricted-globals'],
  ['export const x = () => document.title;\n', 'no-restricted-globals'],
  ['export const x = () => process.env;\n', 'no-restricted-globals'],
  ['export type X = Xrm.WebApi;\n', 'no-restricted-syntax'],
  ["import { message } from './messages/format';\nexport const x = message('value.yes');\n", null],
];

describe('the engine stays host-neutral', () => {
  it('rejects Node, React, Fluent, Xrm and DOM in diagnostics/, and accepts pure TypeScript', () => {
    const results = lintRuleIds(snippets.map(([code]) => ({ code, path: 'diagnostics/probe.ts' })));
    snippets.forEach(([code, rule], i) => {
      if (rule === null) expect([code, results[i]]).toEqual([code, []]);
      else expect([code, results[i]]).toEqual([code, expect.arrayContaining([rule])]);
    });
  }, 60_000);
});
