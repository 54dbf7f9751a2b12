/**
 * The Web API's wire conventions the emulator speaks: Dataverse's error body, the Prefer header and its annotation
 * patterns, and query strings taken apart without decoding what they do not need to.
 */
import { splitTopLevel } from '../query';

/** A failure answered as Dataverse answers it: `{"error":{"code":"0x…","message":"…"}}` with the status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What a handler answers: the status, the body (JSON unless a string) and extra headers. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Logical name of the table addressed, when there is one (recorded with the request). */
  table?: string;
}

/** A predicate over annotation terms, from `odata.include-annotations`; undefined when none were asked for. */
export type AnnotationFilter = ((term: string) => boolean) | undefined;

/** `odata.include-annotations="a,b.*,-c"` → a predicate over annotation terms. */
export function annotationFilter(prefer: Map<string, string>): AnnotationFilter {
  const raw = prefer.get('odata.include-annotations');
  if (raw === undefined) return undefined;
  const patterns = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const matches = (pattern: string, term: string) =>
    pattern === '*' || pattern === term || (pattern.endsWith('.*') && term.startsWith(pattern.slice(0, -1)));
  return (term) => {
    if (patterns.some((p) => p.startsWith('-') && matches(p.slice(1), term))) return false;
    return patterns.some((p) => !p.startsWith('-') && matches(p, term));
  };
}

/** `Prefer: odata.maxpagesize=2, odata.include-annotations="*"` → map (values unquoted). */
export function parsePrefer(header: string | string[] | undefined): Map<string, string> {
  const result = new Map<string, string>();
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  // Split on commas outside quotes.
  const parts = text.match(/(?:[^,"]+|"[^"]*")+/g) ?? [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name === '') continue;
    const value =
      eq < 0
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '');
    result.set(name, value);
  }
  return result;
}

/** Removes top-level options (by name) from a raw query string; keeps the rest byte for byte. */
export function withoutOptions(search: string, names: string[]): string {
  const text = search.replace(/^\?/, '');
  if (text === '') return '';
  const kept = splitQuery(text).filter((pair) => {
    const name = decodeURIComponentSafe(pair.split('=')[0]);
    return !names.includes(name);
  });
  return kept.join('&');
}

export function optionValue(search: string, name: string): string | undefined {
  for (const pair of splitQuery(search.replace(/^\?/, ''))) {
    const eq = pair.indexOf('=');
    if (eq > 0 && decodeURIComponentSafe(pair.slice(0, eq)) === name) return decodeURIComponentSafe(pair.slice(eq + 1));
  }
  return undefined;
}

/** The `name=value` pairs of a query string, split where the OData parser splits them. */
function splitQuery(text: string): string[] {
  return splitTopLevel(text, '&').filter((pair) => pair !== '');
}

export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}
