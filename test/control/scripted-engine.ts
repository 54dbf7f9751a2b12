/**
 * For the panel's hook tests: an engine whose diagnoses and Test & Enable runs answer only when the test says, in any
 * order, and the probe's state as the test reads it.
 */
import { screen } from '@testing-library/react';
import type { DiagnosisReport, WebApiPort } from '../../diagnostics';
import type { PanelEngine, TestOutcome, TestProgress } from '../../MailboxHealthControl/model/engine';
import type { Strings } from '../../MailboxHealthControl/model/strings';
import { deferred, type Deferred } from './deferred';

export interface DiagnosisRun {
  port: WebApiPort;
  mailboxId: string;
  caller: unknown;
  answer: Deferred<DiagnosisReport>;
}

export interface TestRun {
  port: WebApiPort;
  mailboxId: string;
  strings: Strings;
  progress(progress: TestProgress): void;
  answer: Deferred<TestOutcome>;
}

export function scriptedEngine(): { engine: PanelEngine; diagnoses: DiagnosisRun[]; tests: TestRun[] } {
  const diagnoses: DiagnosisRun[] = [];
  const tests: TestRun[] = [];
  const unexpected = (): never => {
    throw new Error('the hooks only diagnose and run Test & Enable');
  };
  const engine: PanelEngine = {
    diagnose: (port, mailboxId, caller) => {
      const answer = deferred<DiagnosisReport>();
      diagnoses.push({ port, mailboxId, caller, answer });
      return answer.promise;
    },
    testAndEnable: (port, mailboxId, progress, strings) => {
      const answer = deferred<TestOutcome>();
      tests.push({ port, mailboxId, strings, progress, answer });
      return answer.promise;
    },
    explainTracking: unexpected,
    renderReport: unexpected,
  };
  return { engine, diagnoses, tests };
}

/** What the probe shows: the JSON in its <output> (role status). */
export const shown = (): unknown => JSON.parse(screen.getByRole('status').textContent ?? 'null');
