/**
 * "Would an email from this address be tracked, and if not, why?" — the common false positive, answered for
 * one sender address: does it resolve to a contact, account or lead (or a user or queue: internal email), and what
 * does the owner's "track email messages from" option make of that? Each lookup is independent: a denied table
 * leaves the others intact and is named in the answer. The answer is about automatic tracking only: folder-level,
 * category and manual tracking work whatever the option
 * (https://learn.microsoft.com/power-platform/admin/email-message-filtering-correlation).
 */
import { FILTERING } from './constants';
import { channelById, usesServerSideSync } from './channels';
import type { Loaded, TableName, TrackingContext, TrackingExplanation, TrackingMatch } from './model';
import { failed, loaded, type DiagnosisInput } from './input';
import { message, type Message } from './messages/format';
import { odataOptions, odataString, type WebApiPort } from './port';
import { readBoolean, readString } from './records';
import { retryingPort, type RetryOptions } from './retry';

const INCOMING = channelById('incoming');

export function trackingContext(input: DiagnosisInput): TrackingContext {
  const owner = input.ownerFiltering.ok ? input.ownerFiltering.value : null;
  return {
    ownerKind: owner?.kind ?? 'unknown',
    filteringMethod: owner?.filteringMethod ?? null,
    incomingOnServerSideSync: input.mailbox.ok ? usesServerSideSync(input.mailbox.value, INCOMING) : false,
    ignoreInternalEmail: input.organization.ok ? readBoolean(input.organization.value, 'ignoreinternalemail') : null,
  };
}

interface Lookup {
  table: TableName;
  idColumn: string;
  nameColumn: string;
  addressColumns: string[];
  internal: boolean;
}

const LOOKUPS: readonly Lookup[] = [
  {
    table: 'contact',
    idColumn: 'contactid',
    nameColumn: 'fullname',
    addressColumns: ['emailaddress1', 'emailaddress2', 'emailaddress3'],
    internal: false,
  },
  {
    table: 'account',
    idColumn: 'accountid',
    nameColumn: 'name',
    addressColumns: ['emailaddress1', 'emailaddress2', 'emailaddress3'],
    internal: false,
  },
  {
    table: 'lead',
    idColumn: 'leadid',
    nameColumn: 'fullname',
    addressColumns: ['emailaddress1', 'emailaddress2', 'emailaddress3'],
    internal: false,
  },
  {
    table: 'systemuser',
    idColumn: 'systemuserid',
    nameColumn: 'fullname',
    addressColumns: ['internalemailaddress'],
    internal: true,
  },
  { table: 'queue', idColumn: 'queueid', nameColumn: 'name', addressColumns: ['emailaddress'], internal: true },
];

const MATCH_LIMIT = 5;

export function isPlausibleAddress(address: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.trim());
}

export async function explainEmailTracking(
  port: WebApiPort,
  context: TrackingContext,
  address: string,
  options: RetryOptions = {},
): Promise<TrackingExplanation> {
  const trimmed = address.trim();
  if (!isPlausibleAddress(trimmed)) {
    return {
      address: trimmed,
      tracked: 'unknown',
      reason: message('tracking.invalidAddress'),
      matches: [],
      unreadable: [],
      note: message('tracking.alwaysApplies'),
    };
  }
  const api = retryingPort(port, options);
  const literal = odataString(trimmed);
  const results: Loaded<TrackingMatch[]>[] = await Promise.all(
    LOOKUPS.map(async (lookup) => {
      try {
        // String comparison in Dataverse is case-insensitive, so one eq per column matches any casing.
        const filter = lookup.addressColumns.map((column) => `${column} eq ${literal}`).join(' or ');
        const rows = await api.retrieveMultipleRecords(
          lookup.table,
          odataOptions({ select: [lookup.idColumn, lookup.nameColumn], filter, top: MATCH_LIMIT }),
        );
        return loaded(
          rows.entities.map((row) => ({
            table: lookup.table,
            id: readString(row, lookup.idColumn) ?? '',
            name: readString(row, lookup.nameColumn),
          })),
        );
      } catch (error) {
        return failed<TrackingMatch[]>(lookup.table, error);
      }
    }),
  );
  const matches = results.flatMap((r) => (r.ok ? r.value : []));
  const unreadable = results.flatMap((r) => (r.ok ? [] : [r.failure.table]));
  const internal = matches.some((m) => LOOKUPS.find((l) => l.table === m.table)?.internal);
  const crmRecord = matches.some((m) => m.table === 'contact' || m.table === 'account' || m.table === 'lead');
  const answer = (tracked: TrackingExplanation['tracked'], reason: Message): TrackingExplanation => ({
    address: trimmed,
    tracked,
    reason,
    matches,
    unreadable,
    note: message('tracking.alwaysApplies'),
  });

  if (!context.incomingOnServerSideSync) return answer('no', message('tracking.incomingNotServerSideSync'));
  if (internal && context.ignoreInternalEmail === true) return answer('no', message('tracking.internalIgnored'));
  switch (context.filteringMethod) {
    case FILTERING.all:
      return answer('yes', message('tracking.all'));
    case FILTERING.responses:
      return answer('replies-only', message('tracking.responsesOnly'));
    case FILTERING.leadsContactsAccounts:
      if (crmRecord) return answer('yes', message('tracking.resolvesToRecord'));
      return unreadable.some((t) => t === 'contact' || t === 'account' || t === 'lead')
        ? answer('unknown', message('tracking.couldNotSearch'))
        : answer('no', message('tracking.noLeadContactAccount'));
    case FILTERING.emailEnabledRecords:
      if (matches.length > 0) return answer('yes', message('tracking.resolvesToRecord'));
      // Email-enabled custom tables count too, and only the standard tables were searched: no match proves nothing.
      return answer(
        'unknown',
        message(unreadable.length > 0 ? 'tracking.couldNotSearch' : 'tracking.noStandardEmailEnabledRecord'),
      );
    case FILTERING.none:
      return answer('no', message('tracking.noneOption'));
    default:
      return answer('unknown', message('tracking.optionUnknown'));
  }
}
