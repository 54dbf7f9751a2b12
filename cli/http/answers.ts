/**
 * Every successful HTTP answer is checked before anything reads it: the content type is JSON, the body parses, and it
 * has Dataverse's shape — a collection or an aggregate has a `value` list of rows, a record is an object with its
 * primary key (a GUID), a function's answer carries its documented property, and a write may answer 204 No Content.
 * Anything else (an SSO proxy's sign-in page, a wrong URL, a cut connection) is one UnexpectedAnswerError that says
 * what came back, with a short cleaned excerpt, and the likely cause; it is never retried as transient.
 * No Node imports: the sandbox page runs this in the browser too.
 */
import { isGuid, isRecord, UnexpectedAnswerError } from '../../diagnostics';
import { cleanLine } from '../sanitize';
import { t, type CliKey } from '../text';

/** The property each function's answer carries (its Learn reference page lists the response's properties). */
export const FUNCTION_ANSWER_PROPERTY: Readonly<Record<string, string>> = {
  // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/whoamiresponse
  WhoAmI: 'UserId',
  // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveentityribbonresponse
  RetrieveEntityRibbon: 'CompressedEntityXml',
  // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveusersetofprivilegesbynamesresponse
  RetrieveUserSetOfPrivilegesByNames: 'RolePrivileges',
  // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveversionresponse
  RetrieveVersion: 'Version',
};

export type ExpectedAnswer =
  /** A record read by its key: an object whose primary key is a GUID (no primaryKey: any object). */
  | { kind: 'record'; set: string; primaryKey?: string }
  /** A collection or an aggregate: {value: [rows]}; with primaryKey, every row carries it (entity rows always do). */
  | { kind: 'collection'; set: string; primaryKey?: string }
  /** A function or metadata: an object, with the function's documented property (FUNCTION_ANSWER_PROPERTY) when known. */
  | { kind: 'function'; name: string }
  /** A write: 204 No Content, an empty body, or JSON. */
  | { kind: 'write' };

const EXCERPT_LENGTH = 60;

/** A primary key as Dataverse writes one (any case); no string is built, as this runs for every row of every page. */
function isRecordId(value: unknown): boolean {
  return typeof value === 'string' && isGuid(value);
}

/** One line, no controls or escapes, no quotes to confuse the message around it, at most EXCERPT_LENGTH characters. */
export function excerpt(text: string, from: 'start' | 'end' = 'start'): string {
  const line = cleanLine(text).replace(/"/g, "'").replace(/\s+/g, ' ').trim();
  if (line.length <= EXCERPT_LENGTH) return line;
  return from === 'start' ? `${line.slice(0, EXCERPT_LENGTH)}…` : `…${line.slice(-EXCERPT_LENGTH)}`;
}

/** What a person would recognise an HTML page by: its title, else its first words. */
function pageExcerpt(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const words = (title ?? html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/&amp;/g, '&')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  return excerpt(words) || excerpt(html);
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

function isHtml(type: string, text: string): boolean {
  return (
    type === 'text/html' || type === 'application/xhtml+xml' || /^\s*(<!doctype\s+html|<html|<head|<body)/i.test(text)
  );
}

function bad(status: number, key: CliKey, params: Record<string, string | number>): UnexpectedAnswerError {
  return new UnexpectedAnswerError(
    t(key, { ...params, hint: t('cli.http.answer.hint') }),
    undefined,
    status,
    undefined,
  );
}

function shapeProblem(body: unknown, expected: Exclude<ExpectedAnswer, { kind: 'write' }>): string | undefined {
  if (expected.kind === 'function') {
    const property = FUNCTION_ANSWER_PROPERTY[expected.name];
    if (!isRecord(body)) return t('cli.http.shape.notObject', { what: expected.name });
    return property !== undefined && (body[property] === undefined || body[property] === null)
      ? t('cli.http.shape.function', { name: expected.name, property })
      : undefined;
  }
  if (expected.kind === 'record') {
    if (!isRecord(body)) return t('cli.http.shape.notObject', { what: expected.set });
    const key = expected.primaryKey;
    return key !== undefined && !isRecordId(body[key])
      ? t('cli.http.shape.record', { set: expected.set, key })
      : undefined;
  }
  const rows = isRecord(body) ? body.value : undefined;
  if (!Array.isArray(rows)) return t('cli.http.shape.collection', { set: expected.set });
  const key = expected.primaryKey;
  const odd = rows.find((row) => !isRecord(row) || (key !== undefined && !isRecordId(row[key])));
  return odd === undefined ? undefined : t('cli.http.shape.row', { set: expected.set, key: key ?? '' });
}

/**
 * A redirect (an SSO proxy sending the request to its sign-in page): the Web API itself does not redirect. Only the
 * target's host is named — the rest of the address may carry sign-in state.
 */
export function redirectError(status: number, location: string | null, base: string): UnexpectedAnswerError {
  let where = '';
  try {
    where = location ? new URL(location, base).host : '';
  } catch {
    where = '';
  }
  return bad(status, 'cli.http.answer.redirect', {
    status,
    where: where === '' ? t('cli.http.answer.elsewhere') : where,
  });
}

/** The parsed body of a successful answer, or an UnexpectedAnswerError saying what came back instead. */
export function readAnswer(
  status: number,
  contentType: string | null,
  text: string,
  expected: ExpectedAnswer,
): unknown {
  if (expected.kind === 'write' && (status === 204 || text.trim() === '')) return undefined;
  if (text.trim() === '') throw bad(status, 'cli.http.answer.empty', { status });
  const type = mediaType(contentType);
  if (isHtml(type, text)) throw bad(status, 'cli.http.answer.html', { excerpt: pageExcerpt(text) });
  if (!isJsonType(type))
    throw bad(status, 'cli.http.answer.notJson', {
      type: type === '' ? t('cli.http.answer.noType') : type,
      excerpt: excerpt(text),
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw bad(status, 'cli.http.answer.badJson', { bytes: text.length, excerpt: excerpt(text, 'end') });
  }
  if (expected.kind === 'write') return body;
  const problem = shapeProblem(body, expected);
  if (problem) throw bad(status, 'cli.http.answer.shape', { problem });
  return body;
}
