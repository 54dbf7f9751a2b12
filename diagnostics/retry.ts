/**
 * Throttling and transient failures. Dataverse answers service-protection limits with 429 and Retry-After (or the
 * limit error codes; https://learn.microsoft.com/power-apps/developer/data-platform/api-limits); a retry before
 * Retry-After is wasted and extends the penalty, so the wait is never shorter than the server asked. 5xx and network
 * failures get exponential backoff. Anything else is final.
 */
import { checked, isRecord, isResultSet } from './answers';
import { toDataverseError, type DataverseError } from './errors';
import type { WebApiPort } from './port';

/** Browsers and Node both have it; the engine's library settings deliberately include neither host's types. */
declare function setTimeout(callback: () => void, ms: number): unknown;

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  sleep?: Sleep;
  /** Total attempts, the first included. */
  maxAttempts?: number;
  onRetry?: (info: { attempt: number; waitMs: number; error: DataverseError }) => void;
}

const BASE_BACKOFF_MS = 1000;

export function retryDelayMs(error: DataverseError, attempt: number): number | undefined {
  const backoff = BASE_BACKOFF_MS * 2 ** (attempt - 1);
  switch (error.kind) {
    case 'throttled':
      return error.retryAfterSeconds !== undefined ? Math.max(0, error.retryAfterSeconds * 1000) : backoff;
    case 'server':
    case 'network':
      return backoff;
    default:
      return undefined;
  }
}

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (thrown) {
      const error = toDataverseError(thrown);
      const waitMs = retryDelayMs(error, attempt);
      if (waitMs === undefined || attempt >= maxAttempts) throw error;
      options.onRetry?.({ attempt, waitMs, error });
      await sleep(waitMs);
    }
  }
}

/**
 * The same port, every call retried per the rules above, every answer checked for its shape (answers.ts): the one way
 * the engine reads, so no host's odd answer reaches a check.
 */
export function retryingPort(port: WebApiPort, options: RetryOptions = {}): WebApiPort {
  return {
    retrieveRecord: (table, id, query) =>
      withRetry(async () => checked(table, await port.retrieveRecord(table, id, query), isRecord), options),
    retrieveMultipleRecords: (table, query, maxPageSize) =>
      withRetry(
        async () => checked(table, await port.retrieveMultipleRecords(table, query, maxPageSize), isResultSet),
        options,
      ),
    updateRecord: (table, id, data) => withRetry(() => port.updateRecord(table, id, data), options),
  };
}
