/**
 * capacity — step 4 ("you are way under-provisioned"). The article's "MaxConcurrentConnectionsPerOrganization" does
 * not exist; the real knob is the email server profile's maxconcurrentconnections (1–300, per authenticated user).
 * The cycle estimate ceil(mailboxes ÷ connections) × 2 s per mailbox is our assumption, shown as an estimate, not a
 * Microsoft limit; above 15 minutes a mailbox waits noticeably between syncs (10,000 on 10 connections ≈ 33 min).
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { evidence, numberValue, readNumber, readString } from '../records';
import type { CheckResult } from '../report';
import { errorResult, LEARN, result } from './common';

export const ASSUMED_SECONDS_PER_MAILBOX = 2;
export const CYCLE_WARN_MINUTES = 15;

export function estimatedCycleSeconds(mailboxes: number, connections: number): number {
  return Math.ceil(mailboxes / connections) * ASSUMED_SECONDS_PER_MAILBOX;
}

export function capacityCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.bestPractices;
  if (!input.mailbox.ok) return errorResult('capacity', input.mailbox.failure, learnMoreUrl);
  if (!input.profile.ok) return errorResult('capacity', input.profile.failure, learnMoreUrl);
  const profile = input.profile.value;
  if (profile === null) return result('capacity', { status: 'skipped', summary: 'check.capacity.skippedNoProfile', learnMoreUrl });
  if (!input.profileMailboxCount.ok) return errorResult('capacity', input.profileMailboxCount.failure, learnMoreUrl);
  const mailboxes = input.profileMailboxCount.value ?? 0;
  const connections = readNumber(profile, 'maxconcurrentconnections');
  const polling = readNumber(profile, 'minpollingintervalinminutes');
  const name = readString(profile, 'name') ?? '';
  const facts = [
    evidence(
      'evidence.profileMailboxes',
      input.profileMailboxCountIsLowerBound ? { kind: 'message', message: message('value.atLeast', { value: mailboxes }) } : numberValue(mailboxes),
    ),
    evidence('evidence.maxConnections', numberValue(connections)),
    evidence('evidence.minPolling', numberValue(polling)),
  ];
  if (connections === null || connections <= 0) {
    return result('capacity', { status: 'warn', summary: 'check.capacity.warnNoConnections', params: { name }, evidence: facts, remedy: message('check.capacity.remedy'), learnMoreUrl });
  }
  const cycleSeconds = estimatedCycleSeconds(mailboxes, connections);
  facts.push(evidence('evidence.estimatedCycle', { kind: 'duration', seconds: cycleSeconds }, { seconds: ASSUMED_SECONDS_PER_MAILBOX }));
  const params = { name, mailboxes: input.profileMailboxCountIsLowerBound ? message('value.atLeast', { value: mailboxes }) : mailboxes, connections, minutes: Math.max(1, Math.round(cycleSeconds / 60)) };
  if (cycleSeconds > CYCLE_WARN_MINUTES * 60) {
    return result('capacity', { status: 'warn', summary: 'check.capacity.warnSlowCycle', params, evidence: facts, remedy: message('check.capacity.remedy'), learnMoreUrl });
  }
  return result('capacity', { status: 'pass', summary: 'check.capacity.pass', params, evidence: facts, learnMoreUrl });
}
