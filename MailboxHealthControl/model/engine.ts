/**
 * What the panel needs from the engine, as one small interface: the control wires in the real engine
 * (engine-adapter.ts); the panel never imports the engine's internals.
 */
import type { Caller, Catalogue, DiagnosisReport, WebApiPort } from '../../diagnostics';
import type { Strings } from './strings';

export interface TestProgress {
  phase: 'scheduling' | 'waiting' | 'done';
  elapsedMs: number;
}

export interface TestOutcome {
  /** succeeded / failed: the server ran the test; timeout: it had not finished when the engine stopped polling. */
  outcome: 'succeeded' | 'failed' | 'timeout';
  /** The engine's one-line summary, already rendered. */
  summary: string;
}

export interface TrackingView {
  verdict: 'yes' | 'no' | 'replies-only' | 'unknown';
  /** Why, from the engine, already rendered. */
  reason: string;
  /** The records the address resolved to, and the tables that could not be searched, already rendered. */
  details: string[];
  /** What holds whatever the answer (Inbox-root rule, Sent Items, folder, category and manual tracking), rendered. */
  note: string;
}

export interface PanelEngine {
  /** `caller`: who runs it, when the host knows (item-level failures are visible to the owner and administrators). */
  diagnose(port: WebApiPort, mailboxId: string, caller?: Caller): Promise<DiagnosisReport>;
  testAndEnable(
    port: WebApiPort,
    mailboxId: string,
    onProgress: (progress: TestProgress) => void,
    strings: Strings,
  ): Promise<TestOutcome>;
  explainTracking(port: WebApiPort, report: DiagnosisReport, address: string, strings: Strings): Promise<TrackingView>;
  renderReport(report: DiagnosisReport, format: 'text' | 'markdown', catalogue: Catalogue): string;
}
