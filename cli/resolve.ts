/** --mailbox: a mailbox id, or an email address matched case-insensitively (Dataverse compares strings that way). */
import {
  normalizeGuid,
  odataOptions,
  odataString,
  readString,
  withRetry,
  type RetryOptions,
  type WebApiPort,
} from '../diagnostics';
import { UsageError } from './errors';
import { cleanLine } from './sanitize';

export interface ResolvedMailbox {
  id: string;
  name: string | null;
  emailAddress: string | null;
}

/** `emailaddress eq '<address>'`, the literal's quotes doubled and the whole literal percent-encoded (+ & # % ' are safe). */
export function addressOptions(address: string): string {
  return odataOptions({
    select: ['name', 'emailaddress'],
    filter: `emailaddress eq ${encodeURIComponent(odataString(address))}`,
    top: 50,
  });
}

export async function resolveMailbox(port: WebApiPort, value: string, retry: RetryOptions): Promise<ResolvedMailbox> {
  const text = value.trim();
  const id = normalizeGuid(text);
  if (id !== null) return { id, name: null, emailAddress: null };
  if (!text.includes('@')) throw new UsageError('cli.usage.mailbox', { value: text });
  const result = await withRetry(() => port.retrieveMultipleRecords('mailbox', addressOptions(text)), retry);
  const rows = result.entities.filter(
    (row) => (readString(row, 'emailaddress') ?? '').toLowerCase() === text.toLowerCase(),
  );
  const matches = rows.length > 0 ? rows : result.entities;
  if (matches.length === 0) throw new UsageError('cli.error.addressNotFound', { address: text });
  if (matches.length > 1) {
    const ids = matches
      .map((row) => `${String(row.mailboxid)} (${cleanLine(readString(row, 'name') ?? '?')})`)
      .join('\n  ');
    throw new UsageError('cli.error.addressAmbiguous', { address: text, count: matches.length, ids });
  }
  const row = matches[0];
  return {
    id: String(row.mailboxid).toLowerCase(),
    name: readString(row, 'name'),
    emailAddress: readString(row, 'emailaddress'),
  };
}
