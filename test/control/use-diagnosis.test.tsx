/** @jest-environment jsdom */
import './setup';
import { act, render } from '@testing-library/react';
import * as React from 'react';
import type { DiagnosisReport } from '../../diagnostics';
import { useDiagnosis, type Diagnosis } from '../../MailboxHealthControl/hooks/use-diagnosis';
import type { PanelEngine } from '../../MailboxHealthControl/model/engine';
import { hostFromContext, type HostCache, type PanelHost } from '../../MailboxHealthControl/model/host';
import type { WebApiPort } from '../../diagnostics';
import { fake, IDS, testEngine } from './harness';
import { failingPort, mockContext } from './mock-context';
import { scriptedEngine, shown } from './scripted-engine';

const USER = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

/** As the control builds it: `cache` keeps the strings and theme of earlier updateView calls. */
function hostFor(port: WebApiPort, cache: HostCache = {}): PanelHost {
  const context = mockContext({ webAPI: port, entityId: IDS.mailbox, userId: `{${USER.toUpperCase()}}` });
  return hostFromContext(context, cache);
}

let current: Diagnosis;

/** Shows what the hook holds in a form a test can read; keeps the hook's result for run() and retry(). */
const Probe: React.FC<{ engine: PanelEngine; host: PanelHost; onReport?: (report: DiagnosisReport) => void }> = ({
  engine,
  host,
  onReport,
}) => {
  current = useDiagnosis(engine, host, onReport);
  const { load, refreshing } = current;
  const shown = load.kind === 'ready' ? { kind: load.kind, name: load.report.mailbox.name } : { ...load };
  return <output>{JSON.stringify({ ...shown, refreshing })}</output>;
};

/** A real report of the fixtures' mailbox, renamed so two answers can be told apart. */
async function reportNamed(name: string): Promise<DiagnosisReport> {
  const report = await testEngine.diagnose(fake(), IDS.mailbox);
  return { ...report, mailbox: { ...report.mailbox, name } };
}

describe('useDiagnosis', () => {
  it("runs once on mount with the host's port, record and caller, and shows the answer when it arrives", async () => {
    const { engine, diagnoses: runs } = scriptedEngine();
    const port = fake();
    const onReport = jest.fn();
    render(<Probe engine={engine} host={hostFor(port)} onReport={onReport} />);
    expect(runs).toHaveLength(1);
    expect(runs[0].port).toBe(port);
    expect(runs[0].mailboxId).toBe(IDS.mailbox);
    expect(runs[0].caller).toEqual({ userId: USER, systemAdministrator: null });
    expect(shown()).toEqual({ kind: 'loading', refreshing: true });

    const report = await reportNamed('Dana Whitfield');
    await act(async () => runs[0].answer.resolve(report));
    expect(shown()).toEqual({ kind: 'ready', name: 'Dana Whitfield', refreshing: false });
    expect(onReport).toHaveBeenCalledTimes(1);
    expect(onReport).toHaveBeenCalledWith(report);
  });

  it('a new host object for the same record (the platform calls updateView on every resize) does not run again', async () => {
    const { engine, diagnoses: runs } = scriptedEngine();
    const port = fake();
    const cache: HostCache = {};
    const { rerender } = render(<Probe engine={engine} host={hostFor(port, cache)} />);
    rerender(<Probe engine={engine} host={hostFor(port, cache)} />);
    rerender(<Probe engine={engine} host={hostFor(port, cache)} />);
    expect(runs).toHaveLength(1);
  });

  it("keeps only the latest run's answer when an earlier one arrives after it", async () => {
    const { engine, diagnoses: runs } = scriptedEngine();
    const onReport = jest.fn();
    render(<Probe engine={engine} host={hostFor(fake())} onReport={onReport} />);
    await act(async () => runs[0].answer.resolve(await reportNamed('First')));

    let second!: Promise<void>;
    let third!: Promise<void>;
    act(() => {
      second = current.run();
      third = current.run();
    });
    expect(runs).toHaveLength(3);
    // The report on screen stays while the runs are under way.
    expect(shown()).toEqual({ kind: 'ready', name: 'First', refreshing: true });

    const latest = await reportNamed('Third');
    await act(async () => {
      runs[2].answer.resolve(latest);
      await third;
    });
    expect(shown()).toEqual({ kind: 'ready', name: 'Third', refreshing: false });
    await act(async () => {
      runs[1].answer.resolve(await reportNamed('Second'));
      await second;
    });
    expect(shown()).toEqual({ kind: 'ready', name: 'Third', refreshing: false });
    expect(onReport.mock.calls.map(([report]) => (report as DiagnosisReport).mailbox.name)).toEqual(['First', 'Third']);
  });

  it("fails with the host error's message; retry goes back to loading and runs again", async () => {
    const { engine, diagnoses: runs } = scriptedEngine();
    const onReport = jest.fn();
    render(<Probe engine={engine} host={hostFor(fake())} onReport={onReport} />);
    // Xrm.WebApi rejects with an ErrorResponse object, not an Error.
    await act(async () => runs[0].answer.reject({ errorCode: 2147746336, message: 'The service is unavailable.' }));
    expect(shown()).toEqual({ kind: 'failed', reason: 'The service is unavailable.', refreshing: false });

    act(() => current.retry());
    expect(runs).toHaveLength(2);
    expect(shown()).toEqual({ kind: 'loading', refreshing: true });
    await act(async () => runs[1].answer.resolve(await reportNamed('Dana Whitfield')));
    expect(shown()).toEqual({ kind: 'ready', name: 'Dana Whitfield', refreshing: false });
    expect(onReport).toHaveBeenCalledTimes(1);
  });

  it("shows a report in which no check could read anything as one failure with the first check's reason", async () => {
    const { engine, diagnoses: runs } = scriptedEngine();
    const onReport = jest.fn();
    render(<Probe engine={engine} host={hostFor(fake())} onReport={onReport} />);
    const unreadable = await testEngine.diagnose(
      failingPort({ errorCode: 2147746336, message: 'Principal user is missing prvReadMailbox privilege.' }),
      IDS.mailbox,
    );
    expect(unreadable.checks.every((check) => check.status === 'error')).toBe(true);
    await act(async () => runs[0].answer.resolve(unreadable));
    expect(shown()).toEqual({
      kind: 'failed',
      reason: expect.stringMatching(/^Could not check: you lack read privilege on Mailboxes/),
      refreshing: false,
    });
    expect(onReport).not.toHaveBeenCalled();
  });

  it('an answer that arrives after unmount changes nothing (no React warning, no onReport)', async () => {
    const { engine, diagnoses: runs } = scriptedEngine();
    const onReport = jest.fn();
    const { unmount } = render(<Probe engine={engine} host={hostFor(fake())} onReport={onReport} />);
    unmount();
    await act(async () => runs[0].answer.resolve(await reportNamed('Dana Whitfield')));
    expect(onReport).not.toHaveBeenCalled();
    // setup.ts fails the test on any console.error, which is where React reports an update after unmount.
  });
});
