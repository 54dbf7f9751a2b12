/**
 * fetch for Dataverse and webhooks. Behind a proxy (HTTPS_PROXY / HTTP_PROXY, NO_PROXY honoured) requests go through
 * undici's EnvHttpProxyAgent, loaded only then; otherwise Node's own fetch.
 */
import type { Fetch } from './webapi';

export type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

export function proxySettings(env: Env): { httpProxy?: string; httpsProxy?: string; noProxy?: string } | undefined {
  const httpsProxy = read(env, 'HTTPS_PROXY');
  const httpProxy = read(env, 'HTTP_PROXY');
  if (!httpsProxy && !httpProxy) return undefined;
  const noProxy = read(env, 'NO_PROXY');
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

export async function createFetch(env: Env): Promise<Fetch> {
  const proxy = proxySettings(env);
  if (!proxy) return (url, init) => fetch(url, init);
  const undici = await import('undici');
  const dispatcher = new undici.EnvHttpProxyAgent(proxy);
  return (url, init) =>
    undici.fetch(url, { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher }) as unknown as Promise<Response>;
}
