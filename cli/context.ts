/** What every command shares: redacted outputs, fetch (proxy-aware), tokens per environment, a port per environment. */
import type { RetryOptions } from '../diagnostics';
import { createTokenSource, type TokenSource } from './http/auth';
import { collectGarbageIfGrown } from './gc';
import { createFetch } from './http/fetch';
import { ENTITY_SETS, PRIMARY_KEYS } from './http/environment';
import { createHttpPort, type Fetch, type HttpPort } from './http/webapi';
import { Output, Redactor, type CliIo } from './io';
import { t } from './text';

export interface Context {
  io: CliIo;
  out: Output;
  err: Output;
  redactor: Redactor;
  fetch(): Promise<Fetch>;
  tokens(deviceCode: boolean): TokenSource;
  /**
   * `bulk`: for fleet scans — lookup annotations only (verdicts never read formatted values; they only label evidence),
   * and lean rows (no ETags, repeated long texts held once).
   */
  port(environment: string, deviceCode: boolean, options?: { bulk?: boolean }): Promise<HttpPort>;
  retry: RetryOptions;
  requests: number;
}

export function createContext(io: CliIo): Context {
  const redactor = new Redactor();
  for (const name of ['DATAVERSE_TOKEN', 'AZURE_CLIENT_SECRET']) redactor.add(io.env[name]);
  const out = new Output(io.stdout, redactor);
  const err = new Output(io.stderr, redactor);
  let fetchPromise: Promise<Fetch> | undefined;
  let tokenSource: TokenSource | undefined;
  const context: Context = {
    io,
    out,
    err,
    redactor,
    requests: 0,
    fetch: () => (fetchPromise ??= io.fetch ? Promise.resolve(io.fetch) : createFetch(io.env)),
    tokens(deviceCode) {
      return (tokenSource ??= createTokenSource(io.env, {
        deviceCode,
        onToken: (token) => redactor.add(token),
        prompt: (text) => err.line(text),
      }));
    },
    async port(environment, deviceCode, portOptions = {}) {
      const tokens = context.tokens(deviceCode);
      // Sign in before the first request: a failed sign-in is one clear message, not a failure per table.
      await tokens.token(environment);
      return createHttpPort({
        environment,
        entitySets: ENTITY_SETS,
        primaryKeys: PRIMARY_KEYS,
        token: () => tokens.token(environment),
        fetch: await context.fetch(),
        pageSize: io.pageSize,
        formattedValues: portOptions.bulk !== true,
        lean: portOptions.bulk === true,
        ...(portOptions.bulk === true ? { afterPage: collectGarbageIfGrown } : {}),
        onRequest: () => {
          context.requests++;
        },
      });
    },
    retry: {
      ...(io.sleep ? { sleep: io.sleep } : {}),
      onRetry: ({ attempt, waitMs, error }) => {
        const seconds = Math.round(waitMs / 100) / 10;
        err.line(
          error.kind === 'throttled'
            ? t('cli.retry.throttled', { seconds, attempt: attempt + 1 })
            : t('cli.retry.transient', {
                seconds,
                attempt: attempt + 1,
                reason: error.status ? `HTTP ${error.status}` : error.message,
              }),
        );
      },
    },
  };
  return context;
}
