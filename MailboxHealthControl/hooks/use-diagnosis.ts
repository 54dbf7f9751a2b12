/**
 * The diagnosis of the form's record: the engine runs on mount and again on demand (Run again, Retry, after Test &
 * Enable); only the latest run's answer is kept, and none after unmount.
 */
import * as React from 'react';
import type { DiagnosisReport } from '../../diagnostics';
import type { PanelEngine } from '../model/engine';
import type { PanelHost } from '../model/host';
import type { Strings } from '../model/strings';
import { failureReason, useLatest, useRunGuard } from './lifetime';

export type DiagnosisLoad =
  { kind: 'loading' } | { kind: 'ready'; report: DiagnosisReport } | { kind: 'failed'; reason: string };

export interface Diagnosis {
  load: DiagnosisLoad;
  /** A run is under way; the report already shown stays until its answer arrives. */
  refreshing: boolean;
  run(): Promise<void>;
  /** After a failure: back to the loading state, then run. */
  retry(): void;
}

/**
 * When no check could read anything (the mailbox itself was unreadable: no privilege, throttled out, offline), a
 * report of ten "Could not check" rows says less than one failure with the reason and Retry.
 */
export function unreadableReason(report: DiagnosisReport, strings: Strings): string | null {
  if (report.checks.length === 0 || report.checks.some((c) => c.status !== 'error')) return null;
  return strings.message(report.checks[0].summary);
}

/**
 * `host.recordId` must be set (the panel diagnoses only a saved record). `onReport` sees each report shown, as it is
 * shown (the panel expands its Start here check).
 */
export function useDiagnosis(
  engine: PanelEngine,
  host: PanelHost,
  onReport?: (report: DiagnosisReport) => void,
): Diagnosis {
  const [load, setLoad] = React.useState<DiagnosisLoad>({ kind: 'loading' });
  const [refreshing, setRefreshing] = React.useState(false);
  const guard = useRunGuard();
  // The port and the caller are read when a run starts; a new host object alone does not start a run.
  const latestHost = useLatest(host);
  const latestOnReport = useLatest(onReport);
  const recordId = host.recordId as string;
  const { strings } = host;

  const run = React.useCallback(async (): Promise<void> => {
    const current = guard.begin();
    setRefreshing(true);
    try {
      const report = await engine.diagnose(latestHost.current.webApi!, recordId, latestHost.current.caller);
      if (!current()) return;
      const unread = unreadableReason(report, strings);
      if (unread !== null) {
        setLoad({ kind: 'failed', reason: unread });
        return;
      }
      setLoad({ kind: 'ready', report });
      latestOnReport.current?.(report);
    } catch (error) {
      if (!current()) return;
      setLoad({ kind: 'failed', reason: failureReason(error) });
    } finally {
      if (current()) setRefreshing(false);
    }
  }, [engine, recordId, strings, guard, latestHost, latestOnReport]);

  React.useEffect(() => {
    void run();
  }, [run]);

  const retry = React.useCallback((): void => {
    setLoad({ kind: 'loading' });
    void run();
  }, [run]);

  return { load, refreshing, run, retry };
}
