/** What every check shares: its verdicts, a symptom of another check's root cause, an error. */
import type { RootCause } from '../analysis';
import { message, type Message, type MessageParams } from '../messages/format';
import type { MessageKey } from '../messages/en';
import type { Channel } from '../channels';
import type { CheckId, CheckResult, CheckStatus, Evidence, ReadFailure } from '../model';
import type { DataverseRecord } from '../port';
import { readBoolean } from '../records';
import { evidence, textValue } from '../evidence';

/** A remedy as a check names it: a message key, or a message already built (with parameters, or an alert's fix). */
type Remedy = MessageKey | Message;

/**
 * One verdict of a check: its summary, the summary's parameters when it has any (kept as given: no parameters and
 * empty ones are not the same message), and a remedy when there is one.
 */
type VerdictOf = (summary: MessageKey, params?: MessageParams, remedy?: Remedy) => CheckResult;

/**
 * One check's verdicts, one per status. A check's verdicts share its id, the facts it read and the page that explains
 * them, so they are given once and each verdict says only what differs. The facts are shared, not copied: evidence a
 * check adds before it returns is in the verdict. `shared` is read field by field, never spread: one spread site
 * would see every check's shape and go slow, and a fleet scan builds millions of results.
 */
export function verdictsOf(
  id: CheckId,
  shared: { evidence?: Evidence[]; learnMoreUrl: string },
): Readonly<Record<CheckStatus, VerdictOf>> {
  const verdictWith =
    (status: CheckStatus): VerdictOf =>
    (summary, params, remedy) => ({
      id,
      title: checkTitle(id),
      status,
      summary: message(summary, params),
      evidence: shared.evidence ?? [],
      ...(remedy ? { remedy: typeof remedy === 'string' ? message(remedy) : remedy } : {}),
      learnMoreUrl: shared.learnMoreUrl,
    });
  return {
    pass: verdictWith('pass'),
    info: verdictWith('info'),
    warn: verdictWith('warn'),
    fail: verdictWith('fail'),
    skipped: verdictWith('skipped'),
    error: verdictWith('error'),
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
    ...verdictsOf(id, base).fail(
      summary,
      { ...params, check, cause: rootCause.cause },
      message('remedy.seeRootCause', { check }),
    ),
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
  const facts = [
    ...kept,
    evidence('evidence.readError', textValue(failure.code ? `${failure.code}: ${failure.detail}` : failure.detail)),
  ];
  const remedy = failure.kind === 'privilege' || failure.kind === 'depends' ? 'remedy.grantRead' : 'remedy.retryLater';
  return verdictsOf(id, { evidence: facts, learnMoreUrl }).error(
    'check.error.summary',
    { reason },
    message(remedy, { table }),
  );
}

/** A flag Dataverse defaults to true reads as true when the column came back empty. */
export function flagOrDefault(row: DataverseRecord, column: string, fallback: boolean): boolean {
  return readBoolean(row, column) ?? fallback;
}

export function channelName(channel: Channel): Message {
  return message(`channel.${channel.id}`);
}
