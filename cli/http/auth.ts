/**
 * Bearer tokens, one per environment (scope `<environment>/.default`). DATAVERSE_TOKEN when set (pipelines, tests);
 * otherwise @azure/identity, loaded only then: a client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET),
 * the device code flow with --device-code, or the Azure CLI's sign-in. Tokens are cached until five minutes before
 * they expire and never written anywhere; every token is registered with the output's redaction.
 */
import type { Env } from './fetch';

export interface TokenSource {
  /** How the token is obtained, for messages (never the token). */
  readonly method: 'environment' | 'client-secret' | 'device-code' | 'azure-cli';
  token(environment: string): Promise<string>;
}

interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}

interface Credential {
  getToken(scopes: string | string[]): Promise<AccessToken | null>;
}

const REFRESH_MARGIN_MS = 5 * 60_000;

export class AuthError extends Error {
  constructor(
    message: string,
    readonly method: TokenSource['method'],
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export function createTokenSource(
  env: Env,
  options: { deviceCode: boolean; onToken: (token: string) => void; prompt: (text: string) => void },
): TokenSource {
  const fixed = env.DATAVERSE_TOKEN?.trim();
  if (fixed) {
    options.onToken(fixed);
    return { method: 'environment', token: async () => fixed };
  }
  const clientSecret = Boolean(env.AZURE_TENANT_ID && env.AZURE_CLIENT_ID && env.AZURE_CLIENT_SECRET);
  const method: TokenSource['method'] = options.deviceCode
    ? 'device-code'
    : clientSecret
      ? 'client-secret'
      : 'azure-cli';
  let credential: Promise<Credential> | undefined;
  const cache = new Map<string, Promise<AccessToken>>();

  async function makeCredential(): Promise<Credential> {
    const identity = await import('@azure/identity');
    if (method === 'device-code') {
      return new identity.DeviceCodeCredential({
        ...(env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {}),
        ...(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
        userPromptCallback: (info) => options.prompt(info.message),
      });
    }
    if (method === 'client-secret')
      return new identity.ClientSecretCredential(env.AZURE_TENANT_ID!, env.AZURE_CLIENT_ID!, env.AZURE_CLIENT_SECRET!);
    return new identity.AzureCliCredential(env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {});
  }

  async function acquire(environment: string): Promise<AccessToken> {
    credential ??= makeCredential();
    let result: AccessToken | null;
    try {
      result = await (await credential).getToken(`${environment}/.default`);
    } catch (error) {
      // The identity library's messages name the tenant and the method, never the secret.
      throw new AuthError(error instanceof Error ? error.message.split('\n')[0] : String(error), method);
    }
    if (!result) throw new AuthError('No token was returned.', method);
    options.onToken(result.token);
    return result;
  }

  return {
    method,
    async token(environment) {
      const cached = cache.get(environment);
      if (cached) {
        const value = await cached.catch(() => undefined);
        if (value && value.expiresOnTimestamp - Date.now() > REFRESH_MARGIN_MS) return value.token;
      }
      const next = acquire(environment);
      cache.set(environment, next);
      next.catch(() => cache.delete(environment));
      return (await next).token;
    },
  };
}
