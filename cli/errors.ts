/** Any failure → one clear sentence for stderr (from the catalogue), never a stack trace, never a secret. */
import { FleetProfileError, toDataverseError } from '../diagnostics';
import { AuthError } from './http/auth';
import { t, type CliKey } from './text';

/** A command line that cannot run as given: the message says what to change; main adds where the help is. */
export class UsageError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

export function describeError(error: unknown, environment?: string): string {
  if (error instanceof UsageError) return t(error.key, error.params);
  if (error instanceof AuthError)
    return t('cli.error.auth', { method: t(`cli.auth.${error.method}`), detail: error.message });
  if (error instanceof FleetProfileError) {
    return error.matches.length === 0
      ? t('cli.error.profileNotFound', { profile: error.profile, environment: environment ?? '' })
      : t('cli.error.profileAmbiguous', { profile: error.profile, ids: error.matches.join(', ') });
  }
  const e = toDataverseError(error);
  const env = environment ?? '';
  if (e.status === 401) return t('cli.error.401', { environment: env });
  if (e.kind === 'privilege') return t('cli.error.403', { environment: env, detail: e.message });
  if (e.status === 404) return t('cli.error.404', { environment: env, detail: e.message });
  if (e.kind === 'network') return t('cli.error.network', { environment: env, detail: e.message });
  if (e.kind === 'throttled') return t('cli.error.throttled', { environment: env });
  return t('cli.error.other', { environment: env, detail: e.code ? `${e.code}: ${e.message}` : e.message });
}
