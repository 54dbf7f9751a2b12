/** `--url`: an environment's base URL. https only, except on this machine (localhost, 127.0.0.1, ::1). */
import { UsageError } from '../errors';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The environment's origin (what reports name), e.g. "https://contoso.crm.dynamics.com". */
export function environmentUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError('cli.error.urlInvalid', { url: raw });
  }
  if (url.username || url.password) throw new UsageError('cli.error.urlCredentials');
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new UsageError('cli.error.urlHttps', { url: url.origin });
  return url.origin;
}

/** The tables' entity sets and primary keys, generated from Microsoft's schema (`npm run vendor:schema`). */
export { ENTITY_SETS, PRIMARY_KEYS } from './entity-sets.generated';
