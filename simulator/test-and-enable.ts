/**
 * Test & Enable as the server plays it, for both faces of the simulator. Scheduling is an update of the mailbox that
 * sets testemailconfigurationscheduled to true; the server stamps the attempt
 * (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/mailbox: testandenablelastattemptedon,
 * testandenablelastattemptedby). When the asynchronous service has run the test, the flag is false again,
 * testmailboxaccesscompletedon is the time it finished, and each channel that uses server-side synchronization is
 * Success (1) or Failure (2); a failed channel is disabled and an Error alert (tracelog) is written, a passed test
 * enables the mailbox. When the test runs is each face's business: the HTTP emulator after a delay, the fake after a
 * number of reads of the mailbox.
 */
import { randomUUID } from 'node:crypto';
import { LOOKUP_LOGICAL_NAME, type DataverseRecord, type DataverseValue } from '../diagnostics';
import type { DataverseStore } from './store';

export type ChannelOutcome = 'success' | 'failure';

/** What Test & Enable finds for one mailbox (a side channel of the data set: not a Dataverse column). */
export interface TestEnableOutcome {
  incoming?: ChannelOutcome;
  outgoing?: ChannelOutcome;
  act?: ChannelOutcome;
  /** The Error alert written on failure. */
  alert?: { text: string; tracecode?: number; errordetails?: string };
}

/** Whether an update of `table` schedules Test & Enable. */
export function schedulesTestAndEnable(table: string, changes: Record<string, unknown>): boolean {
  return table === 'mailbox' && changes.testemailconfigurationscheduled === true;
}

/** The columns the server stamps on the mailbox when the test is scheduled. */
export function attemptStamp(stamp: string, callerId: string): Record<string, DataverseValue> {
  return { testandenablelastattemptedon: stamp, _testandenablelastattemptedby_value: callerId };
}

/**
 * Without an outcome given, the test passes, unless the organization requires approval of the mailbox's email address
 * and it is not approved: then every channel fails with Learn's approval alert (Troubleshooting and monitoring
 * server-side synchronization).
 */
function defaultOutcome(store: DataverseStore, mailbox: DataverseRecord): TestEnableOutcome {
  const organization = store.tables.organization?.[0];
  const isQueue = mailbox[`_regardingobjectid_value${LOOKUP_LOGICAL_NAME}`] === 'queue';
  const required = organization?.[isQueue ? 'requireapprovalforqueueemail' : 'requireapprovalforuseremail'] === true;
  if (required && mailbox.emailrouteraccessapproval !== 1) {
    return {
      incoming: 'failure',
      outgoing: 'failure',
      act: 'failure',
      alert: {
        text: `Email can't be received because the email address of the mailbox ${String(mailbox.name)} requires an approval by a Microsoft 365 administrator. The mailbox has been disabled for receiving email and the owner of the email server profile has been notified.`,
      },
    };
  }
  return {};
}

/**
 * The asynchronous service finishes the test of mailbox `id` at `stamp` with `outcome` (none: defaultOutcome).
 * Returns false when the mailbox is gone.
 */
export function completeTestAndEnable(
  store: DataverseStore,
  id: string,
  outcome: TestEnableOutcome | undefined,
  stamp: string,
): boolean {
  const mailbox = store.find('mailbox', id);
  if (!mailbox) return false;
  const result = outcome ?? defaultOutcome(store, mailbox);
  const changes: Record<string, DataverseValue> = {
    testemailconfigurationscheduled: false,
    testmailboxaccesscompletedon: stamp,
    modifiedon: stamp,
  };
  const channels = [
    {
      result: result.incoming,
      uses: mailbox.incomingemaildeliverymethod === 2,
      status: 'incomingemailstatus',
      enabled: 'enabledforincomingemail',
    },
    {
      result: result.outgoing,
      uses: mailbox.outgoingemaildeliverymethod === 2,
      status: 'outgoingemailstatus',
      enabled: 'enabledforoutgoingemail',
    },
    { result: result.act, uses: mailbox.actdeliverymethod === 1, status: 'actstatus', enabled: 'enabledforact' },
  ];
  let failed = false;
  for (const channel of channels) {
    if (!channel.uses) continue;
    const ok = (channel.result ?? 'success') === 'success';
    failed ||= !ok;
    changes[channel.status] = ok ? 1 : 2;
    changes[channel.enabled] = ok;
  }
  const retries =
    typeof mailbox.testemailconfigurationretrycount === 'number' ? mailbox.testemailconfigurationretrycount : 0;
  changes.testemailconfigurationretrycount = retries + 1;
  if (!failed) {
    changes.postponemailboxprocessinguntil = stamp;
    changes.mailboxstatus = 1;
  } else if (changes.incomingemailstatus === 2) {
    changes.postponemailboxprocessinguntil = '9999-12-31T23:59:59Z';
  }
  Object.assign(mailbox, changes);
  writeAlert(store, id, mailbox, result, failed, stamp);
  return true;
}

/** The alert of the test, when the organization records alerts of its level. */
function writeAlert(
  store: DataverseStore,
  id: string,
  mailbox: DataverseRecord,
  outcome: TestEnableOutcome,
  failed: boolean,
  stamp: string,
): void {
  const alert = failed
    ? {
        level: 3,
        text:
          outcome.alert?.text ??
          `Test & Enable failed for the mailbox ${String(mailbox.name)}. The mailbox has been disabled for synchronization.`,
        tracecode: outcome.alert?.tracecode ?? null,
        errordetails: outcome.alert?.errordetails ?? null,
      }
    : {
        level: 1,
        text: `Mailbox ${String(mailbox.name)} was tested and enabled for server-side synchronization.`,
        tracecode: null,
        errordetails: null,
      };
  const organization = store.tables.organization?.[0];
  const recorded = failed
    ? organization?.generatealertsforerrors !== false
    : organization?.generatealertsforinformation === true;
  if (!recorded) return;
  (store.tables.tracelog ??= []).push({
    tracelogid: randomUUID(),
    ...alert,
    tracestatus: !failed,
    createdon: stamp,
    modifiedon: stamp,
    _regardingobjectid_value: id,
    [`_regardingobjectid_value${LOOKUP_LOGICAL_NAME}`]: 'mailbox',
  });
}
