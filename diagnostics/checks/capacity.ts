/**
 * capacity — step 4 ("you are way under-provisioned"), as measured throughput rather than an estimate. The article's
 * "MaxConcurrentConnectionsPerOrganization" does not exist; the email server profile's maxconcurrentconnections is
 * "the maximum number of simultaneous connections per authenticated user"
 * (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/emailserverprofile), and each
 * mailbox is scheduled by its own back-off, so mailboxes ÷ connections is no throughput model. What is measured:
 * - for this mailbox, transient failures in a row (transientfailurecount): server-side sync disables a mailbox after
 *   a set number of them (ServerSideSyncEmailSettings.MaxMailboxTransientFailures,
 *   https://learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/dn455456(v=crm.8));
 * - for its profile, the share of active server-side sync mailboxes that are overdue: a profile finding (findings.ts),
 *   never this mailbox's verdict. maxconcurrentconnections is shown as evidence, never as the cause by itself.
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { readNumber } from '../records';
import { evidence, numberValue } from '../evidence';
import type { CheckResult, Evidence } from '../model';
import { LEARN } from '../learn';
import { serverSideSyncChannels } from '../channels';
import { errorResult, verdictsOf } from './common';

export function capacityCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.bestPractices;
  if (!input.mailbox.ok) return errorResult('capacity', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const transient = readNumber(mailbox, 'transientfailurecount') ?? 0;
  const facts: Evidence[] = [evidence('evidence.transientFailures', numberValue(transient))];
  const profile = input.profile.ok ? input.profile.value : null;
  if (profile) {
    const total = input.profileMailboxCount.ok ? input.profileMailboxCount.value : null;
    const overdue = input.profileOverdueCount.ok ? input.profileOverdueCount.value : null;
    facts.push(
      evidence(
        'evidence.profileMailboxes',
        total === null
          ? { kind: 'message', message: message('value.couldNotRead') }
          : input.profileMailboxCountIsLowerBound
            ? { kind: 'message', message: message('value.atLeast', { value: total }) }
            : numberValue(total),
      ),
      evidence(
        'evidence.profileOverdue',
        overdue === null ? { kind: 'message', message: message('value.couldNotRead') } : numberValue(overdue),
      ),
      evidence('evidence.maxConnections', numberValue(readNumber(profile, 'maxconcurrentconnections'))),
      evidence('evidence.minPolling', numberValue(readNumber(profile, 'minpollingintervalinminutes'))),
    );
  }
  const verdict = verdictsOf('capacity', { evidence: facts, learnMoreUrl });
  if (serverSideSyncChannels(mailbox).length === 0) return verdict.skipped('check.capacity.skipped');
  if (transient >= 1)
    return verdict.warn('check.capacity.warnTransient', { count: transient }, 'check.capacity.remedyTransient');
  return verdict.pass('check.capacity.pass');
}
