/** The report the control benchmark renders: the shared fake with a failing mailbox, recognised alerts and all checks. */
import { FakeWebApi } from '../simulator/fake';
import { alert, environment, IDS, now, unauthorizedAlert } from '../test/support/fixtures';
import { CHECK_ORDER } from '../diagnostics';
import { formatDateShort } from '../test/control/format-date';
import { resxGetString } from '../test/control/mock-context';

export const CHECK_COUNT = CHECK_ORDER.length;

export function fullReportFixture(): { port: FakeWebApi; mailboxId: string } {
  const data = environment({
    mailbox: {
      incomingemailstatus: 2,
      lastsyncerrorcount: 4,
      lastsyncerror: 'The remote server returned an error: (401) Unauthorized.',
      lastsyncerrorcode: -2147220891,
    },
    alerts: [
      unauthorizedAlert(1),
      unauthorizedAlert(3),
      alert('emailserverprofile', 'The email server profile location is incorrect.', 2, 5),
      alert('mailbox', 'Mailbox Dana Whitfield was enabled.', 1, 30),
    ],
  });
  return { port: new FakeWebApi(data, { now }), mailboxId: IDS.mailbox };
}

export function benchContext(port: FakeWebApi, mailboxId: string) {
  return {
    mode: { contextInfo: { entityId: mailboxId, entityTypeName: 'mailbox' } },
    webAPI: port,
    resources: { getString: resxGetString },
    userSettings: { getTimeZoneOffsetMinutes: () => 60 },
    formatting: { formatDateShort },
  };
}
