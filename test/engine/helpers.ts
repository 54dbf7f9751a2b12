import {
  diagnoseMailbox,
  en,
  formatEvidenceValue,
  formatMessage,
  type Caller,
  type CheckId,
  type CheckResult,
  type DiagnosisReport,
} from '../../diagnostics';
import type { DataSet } from '../../simulator/store';
import { FakeWebApi } from '../../simulator/fake';
import { IDS, now } from '../support/fixtures';

export const noSleep = async () => undefined;

/** The administrator who runs the diagnoses in these tests: sees every owner's failed items. */
export const ADMIN_CALLER: Caller = { userId: IDS.approver, systemAdministrator: true };

export async function diagnose(
  data: DataSet,
  setup: (fake: FakeWebApi) => void = () => undefined,
  mailboxId: string = IDS.mailbox,
  /** null: the host does not know who runs the diagnosis. */
  caller: Caller | null = ADMIN_CALLER,
): Promise<{ report: DiagnosisReport; fake: FakeWebApi }> {
  const fake = new FakeWebApi(data, { now, latencyMs: 100 });
  setup(fake);
  const report = await diagnoseMailbox(fake, mailboxId, { now, sleep: noSleep, ...(caller ? { caller } : {}) });
  return { report, fake };
}

export function check(report: DiagnosisReport, id: CheckId): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

export function summaryOf(result: CheckResult): string {
  return formatMessage(result.summary, en);
}

/** Evidence as label → rendered value, for readable assertions. */
export function evidenceOf(result: CheckResult): Record<string, string> {
  return Object.fromEntries(
    result.evidence.map((e) => [formatMessage(e.label, en), formatEvidenceValue(e.value, { catalogue: en })]),
  );
}

export function statuses(report: DiagnosisReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
}
