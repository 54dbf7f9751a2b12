/**
 * The three things server-side sync can synchronize for a mailbox (incoming email, outgoing email, and appointments,
 * contacts and tasks), each with the columns that say how it is delivered, whether it is enabled and how its last Test
 * & Enable ended.
 */
import { DELIVERY } from './constants';
import type { OptionSetName } from './model';
import type { DataverseRecord } from './port';
import { readNumber } from './records';

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

/** One channel's definition, for the code that speaks about that channel alone. */
export function channelById(id: Channel['id']): Channel {
  return CHANNELS.find((c) => c.id === id)!;
}
