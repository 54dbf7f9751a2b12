/** What every check shares: the result builder, the error result, and which channels run on server-side sync. */
import type { RootCause } from '../analysis';
import type { ReadFailure } from '../input';
import { message, optionMessage, type Message, type MessageParams } from '../messages/format';
import type { MessageKey } from '../messages/en';
import type { DataverseRecord } from '../port';
import { formattedValue, readBoolean, readNumber, textValue, evidence } from '../records';
import type { CheckId, CheckResult, CheckStatus, Evidence, OptionSetName } from '../report';

export const LEARN = {
  connectExchangeOnline: 'https://learn.microsoft.com/power-platform/admin/connect-exchange-online',
  troubleshooting:
    'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization',
  bestPractices: 'https://learn.microsoft.com/power-platform/admin/best-practices-server-side-synchronization',
  filteringCorrelation: 'https://learn.microsoft.com/power-platform/admin/email-message-filtering-correlation',
  monitorErrors: 'https://learn.microsoft.com/power-platform/admin/monitor-email-processing-errors',
  emailServerProfile:
    'https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/emailserverprofile',
  troubleshootFolder:
    'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/',
  sssErrorCodes:
    'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-m365-integration/server-side-synchronization/',
  conditionalAccess: 'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access',
} as const;

export interface ResultParts {
  status: CheckStatus;
  summary: MessageKey;
  params?: MessageParams;
  evidence?: Evidence[];
  remedy?: Message;
  learnMoreUrl: string;
}

export function result(id: CheckId, parts: ResultParts): CheckResult {
  return {
    id,
    title: checkTitle(id),
    status: parts.status,
    summary: message(parts.summary, parts.params),
    evidence: parts.evidence ?? [],
    ...(parts.remedy ? { remedy: parts.remedy } : {}),
    learnMoreUrl: parts.learnMoreUrl,
  };
}

export function checkTitle(id: CheckId): Message {
  return { key: `check.${id}.title`, fallback: message('check.unknown.title') };
}

/**
 * A symptom (a disabled channel, a Failure status, stopped processing) whose root cause another check carries: it
 * fails, names that check and its cause, and points to that fix instead of generic causes of its own.
 */
export function symptomOf(
  id: CheckId,
  rootCause: RootCause,
  summary: MessageKey,
  params: MessageParams,
  base: { evidence: Evidence[]; learnMoreUrl: string },
): CheckResult {
  const check = checkTitle(rootCause.check);
  return {
    ...result(id, {
      ...base,
      status: 'fail',
      summary,
      params: { ...params, check, cause: rootCause.cause },
      remedy: message('remedy.seeRootCause', { check }),
    }),
    explainedBy: rootCause.check,
  };
}

/** `error`: an input could not be read. The reason names the table in words a person understands. */
export function errorResult(
  id: CheckId,
  failure: ReadFailure,
  learnMoreUrl: string,
  kept: Evidence[] = [],
): CheckResult {
  const table = message(`table.${failure.table}`);
  const reason: Message =
    failure.kind === 'depends'
      ? message('reason.depends', { table: message(`table.${failure.dependsOn ?? failure.table}`) })
      : message(`reason.${failure.kind}`, { table });
  return {
    ...result(id, {
      status: 'error',
      summary: 'check.error.summary',
      params: { reason },
      evidence: [
        ...kept,
        evidence('evidence.readError', textValue(failure.code ? `${failure.code}: ${failure.detail}` : failure.detail)),
      ],
      remedy: message(
        failure.kind === 'privilege' || failure.kind === 'depends' ? 'remedy.grantRead' : 'remedy.retryLater',
        { table },
      ),
      learnMoreUrl,
    }),
  };
}

/** The label of an option value: Dataverse's own when the response carried it, else the catalogue's when rendered. */
export function optionLabel(
  optionSet: OptionSetName,
  value: number | null,
  row?: DataverseRecord,
  column?: string,
): Message | string {
  const fromServer = row && column ? formattedValue(row, column) : undefined;
  if (fromServer !== undefined) return fromServer;
  if (value === null) return message('value.notSet');
  return optionMessage(optionSet, value);
}

export const DELIVERY = {
  /** incoming/outgoing email delivery methods: 2 = Server-Side Synchronization. */
  emailServerSideSync: 2,
  /** actdeliverymethod numbers differently: 1 = Server-Side Synchronization. */
  actServerSideSync: 1,
} as const;

export const STATUS = { notRun: 0, success: 1, failure: 2 } as const;

export interface Channel {
  id: 'incoming' | 'outgoing' | 'act';
  deliveryColumn: string;
  deliveryOptionSet: OptionSetName;
  serverSideSyncValue: number;
  enabledColumn: string;
  statusColumn: string;
}

export const CHANNELS: readonly Channel[] = [
  {
    id: 'incoming',
    deliveryColumn: 'incomingemaildeliverymethod',
    deliveryOptionSet: 'mailbox.incomingemaildeliverymethod',
    serverSideSyncValue: DELIVERY.emailServerSideSync,
    enabledColumn: 'enabledforincomingemail',
    statusColumn: 'incomingemailstatus',
  },
  {
    id: 'outgoing',
    deliveryColumn: 'outgoingemaildeliverymethod',
    deliveryOptionSet: 'mailbox.outgoingemaildeliverymethod',
    serverSideSyncValue: DELIVERY.emailServerSideSync,
    enabledColumn: 'enabledforoutgoingemail',
    statusColumn: 'outgoingemailstatus',
  },
  {
    id: 'act',
    deliveryColumn: 'actdeliverymethod',
    deliveryOptionSet: 'mailbox.actdeliverymethod',
    serverSideSyncValue: DELIVERY.actServerSideSync,
    enabledColumn: 'enabledforact',
    statusColumn: 'actstatus',
  },
];

export function usesServerSideSync(mailbox: DataverseRecord, channel: Channel): boolean {
  return readNumber(mailbox, channel.deliveryColumn) === channel.serverSideSyncValue;
}

export function serverSideSyncChannels(mailbox: DataverseRecord): Channel[] {
  return CHANNELS.filter((channel) => usesServerSideSync(mailbox, channel));
}

/** A flag Dataverse defaults to true reads as true when the column came back empty. */
export function flagOrDefault(row: DataverseRecord, column: string, fallback: boolean): boolean {
  return readBoolean(row, column) ?? fallback;
}

export function channelName(channel: Channel): Message {
  return message(`channel.${channel.id}`);
}
