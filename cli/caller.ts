/**
 * Who runs the command, for the engine: item-level sync failures are visible only to the mailbox owner and
 * administrators, so the item-failures check needs to know. WhoAmI gives the user; whether they are a System
 * Administrator it does not say (that would take their roles), so that stays unknown. A WhoAmI that fails leaves the
 * caller unknown: the diagnosis still runs, and that check says what an unknown caller can conclude.
 */
import type { Caller, RetryOptions } from '../diagnostics';
import type { HttpPort } from './http/webapi';
import { whoAmI } from './privileges';

export async function signedInCaller(port: HttpPort, retry: RetryOptions): Promise<Caller | undefined> {
  try {
    return { userId: (await whoAmI(port, retry)).toLowerCase(), systemAdministrator: null };
  } catch {
    return undefined;
  }
}
