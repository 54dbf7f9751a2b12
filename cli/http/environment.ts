/** `--url`: an environment's base URL. https only, except on this machine (localhost, 127.0.0.1, ::1). */
import schemaJson from '../../diagnostics/schema/dataverse-schema.json';
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

const TABLES = Object.entries(
  (schemaJson as unknown as { tables: Record<string, { entitySetName: string | null; primaryId: string }> }).tables,
);

/** Logical name → entity set name, from Microsoft's schema (mailbox → mailboxes, usersettings → usersettingscollection). */
export const ENTITY_SETS: Readonly<Record<string, string>> = Object.fromEntries(
  TABLES.filter(([, table]) => table.entitySetName).map(([name, table]) => [name, table.entitySetName as string]),
);

/** Logical name → primary key, from Microsoft's schema (mailbox → mailboxid, usersettings → systemuserid). */
export const PRIMARY_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  TABLES.map(([name, table]) => [name, table.primaryId]),
);
