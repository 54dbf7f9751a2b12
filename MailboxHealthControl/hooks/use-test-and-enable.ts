/**
 * Test & Enable from the panel: a confirmation first (nothing is written before it), then the engine's progress while
 * it polls, then the checks read again so they show the new statuses.
 */
import * as React from 'react';
import type { PanelEngine, TestOutcome, TestProgress } from '../model/engine';
import type { PanelHost } from '../model/host';
import { failureReason, useLatest, useRunGuard } from './lifetime';

export type TestAndEnableState =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'running'; progress: TestProgress | null }
  | { kind: 'finished'; result: TestOutcome }
  | { kind: 'failed'; reason: string };

export interface TestAndEnable {
  state: TestAndEnableState;
  /** Opens the confirmation. */
  ask(): void;
  /** The user confirmed: schedules the test on the form's record. */
  start(): void;
  /** Closes the confirmation (Cancel, Escape) or the outcome. */
  dismiss(): void;
}

/** `rediagnose` reads the checks again once the server has answered (not after a timeout: nothing has changed yet). */
export function useTestAndEnable(engine: PanelEngine, host: PanelHost, rediagnose: () => Promise<void>): TestAndEnable {
  const [state, setState] = React.useState<TestAndEnableState>({ kind: 'idle' });
  const guard = useRunGuard();
  const latestHost = useLatest(host);
  const latestRediagnose = useLatest(rediagnose);

  const start = React.useCallback((): void => {
    const { webApi, recordId, strings } = latestHost.current;
    setState({ kind: 'running', progress: null });
    engine
      .testAndEnable(
        webApi!,
        recordId as string,
        (progress) => {
          if (guard.alive()) setState({ kind: 'running', progress });
        },
        strings,
      )
      .then(
        async (result) => {
          if (!guard.alive()) return;
          if (result.outcome !== 'timeout') await latestRediagnose.current();
          if (guard.alive()) setState({ kind: 'finished', result });
        },
        (error: unknown) => {
          if (guard.alive()) setState({ kind: 'failed', reason: failureReason(error) });
        },
      );
  }, [engine, guard, latestHost, latestRediagnose]);

  const ask = React.useCallback(() => setState({ kind: 'confirming' }), []);
  const dismiss = React.useCallback(() => setState({ kind: 'idle' }), []);
  return { state, ask, start, dismiss };
}
