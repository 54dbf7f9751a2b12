/**
 * Shared by every control test (imported first): jest-dom matchers, and any console.error fails the test — React
 * warnings (keys, act, unmounted updates) and Fluent errors all go through console.error.
 */
import '@testing-library/jest-dom';
import { setIconOptions } from '@fluentui/react';
import { deserialize, serialize } from 'v8';

// jsdom's global has no structuredClone; the shared fake's store uses it. Node's own structured clone stands in.
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = (<T>(value: T): T => deserialize(serialize(value)) as T) as typeof structuredClone;
}

// The platform registers Fluent's icons; tests do not, so Fluent's "icon not registered" warnings are noise here.
setIconOptions({ disableWarnings: true });

let errors: unknown[][] = [];
let spy: jest.SpyInstance | undefined;

beforeEach(() => {
  errors = [];
  spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  if (errors.length > 0) {
    const text = errors
      .map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '))
      .join('\n---\n');
    throw new Error(`console.error was called during the test:\n${text}`);
  }
});
