/**
 * item-failures — after sync recency: a mailbox can be green while single items fail to sync ("my email didn't
 * sync"). Server-side sync keeps a row per failed item (exchangesyncidmapping: subject, error, code) for
 * ExchangeSyncIdMappingPersistenceTimeInDays (3 days by default): the data of Learn's Item Monitoring dashboard
 * (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization).
 * Only the owner and administrators see those rows, and anyone but the owner gets the subject as `***`; a caller who
 * may not see them learns nothing from an empty list, so that is "unknown" (information), never a pass.
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { ITEM_FAILURE_LIMIT, itemPersistenceDays } from '../queries';
import { readDate, readNumber, readString } from '../records';
import { evidence, numberValue } from '../evidence';
import type { CheckResult, ItemFailure } from '../model';
import { LEARN } from '../learn';
import { serverSideSyncChannels } from '../channels';
import { errorResult, verdictsOf } from './common';

export const ITEMS_SHOWN = 10;
const HIDDEN_SUBJECT = '***';

export function itemFailuresCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.troubleshooting;
  if (!input.mailbox.ok) return errorResult('item-failures', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  if (serverSideSyncChannels(mailbox).length === 0)
    return verdictsOf('item-failures', { learnMoreUrl }).skipped('check.item-failures.skipped');
  if (!input.itemFailures.ok) return errorResult('item-failures', input.itemFailures.failure, learnMoreUrl);
  const { count: failed, rows } = input.itemFailures.value;
  const days = itemPersistenceDays(
    input.organization.ok ? readString(input.organization.value, 'orgdborgsettings') : null,
  );
  const failedLastCycle = readNumber(mailbox, 'itemsfailedforlastsync') ?? 0;
  // A single diagnosis reads at most ITEM_FAILURE_LIMIT rows: that many means at least that many. A fleet scan's count is exact.
  const count = rows.length >= ITEM_FAILURE_LIMIT ? message('value.atLeast', { value: failed }) : failed;
  const facts = [
    evidence('evidence.itemsFailedLastSync', numberValue(failedLastCycle)),
    evidence(
      'evidence.failedItems',
      typeof count === 'number' ? numberValue(count) : { kind: 'message', message: count },
      { days },
    ),
  ];
  const verdict = verdictsOf('item-failures', { evidence: facts, learnMoreUrl });
  if (failed > 0 || failedLastCycle > 0) {
    const items: ItemFailure[] = rows.slice(0, ITEMS_SHOWN).map((row) => {
      const subject = readString(row, 'itemsubject');
      return {
        subject: subject === HIDDEN_SUBJECT ? null : (subject ?? ''),
        error: readString(row, 'lastsyncerror'),
        code: readNumber(row, 'lastsyncerrorcode'),
        occurredOn: readDate(row, 'lastsyncerroroccurredon')?.toISOString() ?? null,
      };
    });
    const summary = failed > 0 ? 'check.item-failures.warnItems' : 'check.item-failures.warnLastCycle';
    const params = { count, days, lastCycle: failedLastCycle };
    return { ...verdict.warn(summary, params, 'check.item-failures.remedy'), items };
  }
  if (input.itemVisibility !== 'all') return verdict.info('check.item-failures.infoNotVisible', { days });
  return verdict.pass('check.item-failures.pass', { days });
}
