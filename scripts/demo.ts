/**
 * A look at the engine without any Dataverse: diagnoses a few of the test fixtures' mailboxes through the
 * schema-checked fake and prints each report as text. `npm start` (the sandbox) shows the real panel instead.
 */
import { diagnoseMailbox, en, renderReport } from '../diagnostics';
import { FakeWebApi } from '../simulator/fake';
import { alert, ago, environment, IDS, now } from '../test/support/fixtures';

const scenarios = [
  { title: 'healthy', data: environment() },
  { title: 'not approved', data: environment({ mailbox: { emailrouteraccessapproval: 2 } }) },
  {
    title: 'Conditional Access',
    data: environment({
      alerts: [
        alert(
          'mailbox',
          'The credentials are incorrect. AADSTS53003: Access has been blocked by Conditional Access policies.',
          3,
        ),
      ],
    }),
  },
  {
    title: 'stale',
    data: environment({ mailbox: { lastsuccessfulsynccompletedon: ago(30), lastsyncerrorcount: 12 } }),
  },
];

async function main(): Promise<void> {
  for (const scenario of scenarios) {
    const report = await diagnoseMailbox(new FakeWebApi(scenario.data, { now }), IDS.mailbox, { now });
    console.log(`\n===== ${scenario.title} =====\n`);
    console.log(renderReport(report, 'text', { catalogue: en }));
  }
}

void main();
