/** What every check shares: the result builders (a result, a symptom of another check's root cause, an error). */
import type { RootCause } from '../analysis';
import { message, type Message, type MessageParams } from '../messages/format';
import type { MessageKey } from '../messages/en';
import type { Channel } from '../channels';
import type { CheckId, CheckResult, CheckStatus, Evidence, ReadFailure } from '../model';
import type { DataverseRecord } from '../port';
import { readBoolean } from '../records';
import { evidence, textValue } from '../evidence';

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

/** A flag Dataverse defaults to true reads as true when the column came back empty. */
export function flagOrDefault(row: DataverseRecord, column: string, fallback: boolean): boolean {
  return readBoolean(row, column) ?? fallback;
}

export function channelName(channel: Channel): Message {
  return message(`channel.${channel.id}`);
}
