/**
 * One shape for every failure a host's Web API can throw. Error codes arrive as hex strings from the raw Web API
 * ("0x80040220"), as positive decimals from Xrm.WebApi (2147746336) and as negative decimals in documentation
 * (-2147220960); all three normalise to the same lowercase hex string.
 */

/**
 * Service-protection limit codes: requests, execution time, concurrency
 * (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits).
 */
export const THROTTLING_CODES: ReadonlySet<string> = new Set(['0x80072322', '0x80072321', '0x80072326']);

/**
 * Missing privilege: PrivilegeDenied, PrincipalPrivilegeDenied, record-level access denied
 * (https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes).
 */
export const PRIVILEGE_CODES: ReadonlySet<string> = new Set(['0x80040220', '0x80040231', '0x80048306']);

/** "Could not find a property named ..." — what Dataverse answers to a column or navigation it does not know. */
export const UNKNOWN_PROPERTY_CODE = '0x80060888';

/** "AggregateQueryRecordLimit exceeded": FetchXML aggregates stop at 50,000 rows. */
export const AGGREGATE_LIMIT_CODE = '0x8004e023';
export const AGGREGATE_LIMIT_ROWS = 50_000;

export function isAggregateLimit(failure: { code?: string; message: string }): boolean {
  return (
    failure.code === AGGREGATE_LIMIT_CODE || /AggregateQueryRecordLimit|maximum record limit/i.test(failure.message)
  );
}

/** The record does not exist (ObjectDoesNotExist). */
export const NOT_FOUND_CODE = '0x80040217';

/** `bad-answer`: the request succeeded but what came back is not a Dataverse answer (an HTML sign-in page, cut JSON). */
export type FailureKind =
  'privilege' | 'throttled' | 'not-found' | 'bad-request' | 'network' | 'server' | 'bad-answer' | 'unknown';

export class DataverseError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
    this.name = 'DataverseError';
  }

  get kind(): FailureKind {
    if (this.status === 429 || (this.code !== undefined && THROTTLING_CODES.has(this.code))) return 'throttled';
    if (this.status === 403 || (this.code !== undefined && PRIVILEGE_CODES.has(this.code))) return 'privilege';
    if (this.status === 404 || this.code === NOT_FOUND_CODE) return 'not-found';
    if (this.status === 400 || this.code === UNKNOWN_PROPERTY_CODE) return 'bad-request';
    if (this.status === 0) return 'network';
    if (this.status !== undefined && this.status >= 500) return 'server';
    return 'unknown';
  }
}

/**
 * A successful request whose answer is not Dataverse's: whoever answered (a sign-in proxy, a wrong URL, a cut
 * connection) is not the Web API, so asking again the same way will not help — it is never retried as transient.
 */
export class UnexpectedAnswerError extends DataverseError {
  override get kind(): FailureKind {
    return 'bad-answer';
  }
}

/** The read privileges a refusal may name instead of its table. */
const TABLE_OF_PRIVILEGE: Readonly<Record<string, string>> = {
  prvreaduser: 'systemuser',
  prvreadusersettings: 'usersettings',
  prvreadqueue: 'queue',
  prvreademailserverprofile: 'emailserverprofile',
};

/**
 * The table a privilege refusal is about, from Dataverse's message ("… for entity 'queue'" or "missing prvReadQueue
 * privilege"); null when the error is no privilege refusal or names neither.
 */
export function deniedTable(thrown: unknown): string | null {
  const error = toDataverseError(thrown);
  if (error.kind !== 'privilege') return null;
  const entity = /for entity '([A-Za-z0-9_]+)'/.exec(error.message)?.[1]?.toLowerCase();
  if (entity !== undefined) return entity;
  const privilege = /missing (prv[A-Za-z0-9_]+) privilege/i.exec(error.message)?.[1]?.toLowerCase();
  return (privilege !== undefined ? TABLE_OF_PRIVILEGE[privilege] : undefined) ?? null;
}

/** 0x80040220, 2147746336 and -2147220960 all become "0x80040220". */
export function normalizeErrorCode(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    return `0x${(raw >>> 0).toString(16).padStart(8, '0')}`;
  }
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return `0x${text.slice(2).toLowerCase().padStart(8, '0')}`;
  // Eight hex digits without a prefix ("8005E259", "80072322") are hex; decimal HRESULTs have ten digits.
  if (/^[0-9a-f]{8}$/i.test(text)) return `0x${text.toLowerCase()}`;
  if (/^-?\d+$/.test(text)) return normalizeErrorCode(Number(text));
  return undefined;
}

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * Accepts what hosts throw: Xrm.WebApi's ErrorResponse `{errorCode, message}`, a raw Web API body
 * `{error: {code, message}}` (optionally with `status`/`retryAfterSeconds` added by an HTTP adapter),
 * a DataverseError, an Error, or anything else.
 */
export function toDataverseError(error: unknown): DataverseError {
  if (error instanceof DataverseError) return error;
  if (typeof error === 'object' && error !== null) {
    const record = error as Record<string, unknown>;
    const body =
      typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : record;
    const code = normalizeErrorCode(body.code ?? record.errorCode ?? body.errorCode);
    const message =
      typeof body.message === 'string' && body.message !== ''
        ? body.message
        : typeof record.message === 'string' && record.message !== ''
          ? record.message
          : 'Unknown error';
    const status = numberOrUndefined(record.status ?? record.httpStatusCode ?? record.statusCode);
    const retryAfter = numberOrUndefined(record.retryAfterSeconds ?? record.retryAfter);
    return new DataverseError(message, code, status, retryAfter);
  }
  return new DataverseError(
    typeof error === 'string' && error !== '' ? error : 'Unknown error',
    undefined,
    undefined,
    undefined,
  );
}
