/**
 * Test & Enable from the Web API (step 3): set testemailconfigurationscheduled = true and let the server's
 * asynchronous service run the test. Learn documents only the Test & Enable button
 * (https://learn.microsoft.com/power-platform/admin/connect-exchange-online); the Microsoft.Xrm.Data.PowerShell
 * maintainer confirms the update (https://github.com/seanmcne/Microsoft.Xrm.Data.PowerShell.Samples/issues/19).
 * Completion is judged by server values only — the flag back to false and testmailboxaccesscompletedon later than
 * before — never by the client clock. Surfaces call this only after the user confirmed.
 */
import { message, type Message } from './messages/format';
import { assertGuid, odataOptions, type DataverseRecord, type WebApiPort } from './port';
import { CHANNELS, serverSideSyncChannels, type Channel } from './channels';
import { STATUS } from './constants';
import { readBoolean, readDate, readNumber } from './records';
import { realSleep, retryingPort, type Sleep } from './retry';

const POLL_COLUMNS = [
  'testemailconfigurationscheduled',
  'testmailboxaccesscompletedon',
  'incomingemailstatus',
  'outgoingemailstatus',
  'actstatus',
  'incomingemaildeliverymethod',
  'outgoingemaildeliverymethod',
  'actdeliverymethod',
];
const POLL_OPTIONS = odataOptions({ select: POLL_COLUMNS });

export const TEST_AND_ENABLE_TIMEOUT_MS = 5 * 60_000;
export const TEST_AND_ENABLE_POLL_MS = 5_000;

export type ChannelStatuses = Record<Channel['id'], number | null>;

export interface TestAndEnableProgress {
  phase: 'scheduling' | 'waiting' | 'done';
  elapsedMs: number;
  polls: number;
}

export interface TestAndEnableResult {
  outcome: 'succeeded' | 'failed' | 'timeout';
  before: ChannelStatuses;
  after: ChannelStatuses;
  completedOn: string | null;
  summary: Message;
}

export interface TestAndEnableOptions {
  onProgress?: (progress: TestAndEnableProgress) => void;
  sleep?: Sleep;
  pollIntervalMs?: number;
  timeoutMs?: number;
}

function statuses(row: DataverseRecord): ChannelStatuses {
  return {
    incoming: readNumber(row, 'incomingemailstatus'),
    outgoing: readNumber(row, 'outgoingemailstatus'),
    act: readNumber(row, 'actstatus'),
  };
}

export async function testAndEnable(
  port: WebApiPort,
  mailboxId: string,
  options: TestAndEnableOptions = {},
): Promise<TestAndEnableResult> {
  const id = assertGuid(mailboxId);
  const sleep = options.sleep ?? realSleep;
  const interval = options.pollIntervalMs ?? TEST_AND_ENABLE_POLL_MS;
  const timeout = options.timeoutMs ?? TEST_AND_ENABLE_TIMEOUT_MS;
  const api = retryingPort(port, { sleep });
  const before = await api.retrieveRecord('mailbox', id, POLL_OPTIONS);
  const completedBefore = readDate(before, 'testmailboxaccesscompletedon');
  options.onProgress?.({ phase: 'scheduling', elapsedMs: 0, polls: 0 });
  await api.updateRecord('mailbox', id, { testemailconfigurationscheduled: true });
  let elapsedMs = 0;
  let latest = before;
  for (let polls = 1; elapsedMs < timeout; polls++) {
    await sleep(interval);
    elapsedMs += interval;
    options.onProgress?.({ phase: 'waiting', elapsedMs, polls });
    const row = await api.retrieveRecord('mailbox', id, POLL_OPTIONS);
    latest = row;
    const completedOn = readDate(row, 'testmailboxaccesscompletedon');
    const finished =
      readBoolean(row, 'testemailconfigurationscheduled') === false &&
      completedOn !== null &&
      (completedBefore === null || completedOn > completedBefore);
    if (!finished) continue;
    options.onProgress?.({ phase: 'done', elapsedMs, polls });
    const channels = serverSideSyncChannels(row);
    const failedChannels = (channels.length > 0 ? channels : CHANNELS).filter(
      (c) => readNumber(row, c.statusColumn) === STATUS.failure,
    );
    return {
      outcome: failedChannels.length > 0 ? 'failed' : 'succeeded',
      before: statuses(before),
      after: statuses(row),
      completedOn: completedOn.toISOString(),
      summary:
        failedChannels.length > 0
          ? message('testEnable.failed', { channels: failedChannels.map((c) => message(`channel.${c.id}`)) })
          : message('testEnable.succeeded'),
    };
  }
  return {
    outcome: 'timeout',
    before: statuses(before),
    after: statuses(latest),
    completedOn: null,
    summary: message('testEnable.timeout', { minutes: Math.round(timeout / 60_000) }),
  };
}
