/**
 * Runs the real engine over HTTP against the emulator for every featured sample mailbox and prints (or, with
 * --write, records into sample-expectations.json) the verdict and the "Start here" check. Comments and scenarios in
 * the file are kept: they are the reviewed explanation of why each verdict is right; a changed verdict is shown as a
 * diff so a reviewer sees it. Usage: npx ts-node --transpile-only sandbox/record-expectations.ts [--write]
 */
import * as fs from 'node:fs';
import { diagnoseMailbox } from '../diagnostics';
import { startEmulator } from '../simulator/http/server';
import { ENTITY_SETS, PRIMARY_KEYS } from '../cli/http/environment';
import { createHttpPort } from '../cli/http/webapi';
import { loadSampleEnvironment, SAMPLE_EXPECTATIONS_FILE, type MailboxExpectation } from './load-sample-environment';

async function main(): Promise<void> {
  const environment = loadSampleEnvironment();
  const emulator = await startEmulator({
    data: environment.data,
    testEnableOutcomes: environment.testEnableOutcomes,
    callerId: environment.callerId,
  });
  const port = createHttpPort({ environment: emulator.url, entitySets: ENTITY_SETS, primaryKeys: PRIMARY_KEYS });
  const existing: { $comment?: unknown; mailboxes: Record<string, MailboxExpectation> } = fs.existsSync(
    SAMPLE_EXPECTATIONS_FILE,
  )
    ? (JSON.parse(fs.readFileSync(SAMPLE_EXPECTATIONS_FILE, 'utf8')) as {
        mailboxes: Record<string, MailboxExpectation>;
      })
    : { mailboxes: {} };
  const next: Record<string, MailboxExpectation> = {};
  try {
    for (const id of environment.featuredMailboxIds) {
      const report = await diagnoseMailbox(port, id);
      const before = existing.mailboxes[id];
      const statuses = report.checks.map((c) => `${c.id}:${c.status}`).join(' ');
      const changed =
        before && (before.verdict !== report.overall || before.startHere !== report.startHere)
          ? `  CHANGED from ${before.verdict}/${before.startHere}`
          : '';
      console.log(
        `${report.mailbox.name?.padEnd(20)} ${report.overall.padEnd(8)} ${String(report.startHere).padEnd(18)} ${statuses}${changed}`,
      );
      next[id] = {
        name: report.mailbox.name ?? '',
        scenario: before?.scenario ?? '',
        verdict: report.overall,
        startHere: report.startHere ?? null,
        comment: before?.comment ?? '',
      };
    }
  } finally {
    await emulator.close();
  }
  if (process.argv.includes('--write')) {
    fs.writeFileSync(SAMPLE_EXPECTATIONS_FILE, `${JSON.stringify({ ...existing, mailboxes: next }, null, 2)}\n`);
    console.log(`Written: ${SAMPLE_EXPECTATIONS_FILE}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
