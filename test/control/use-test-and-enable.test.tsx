/** @jest-environment jsdom */
import './setup';
import { act, render } from '@testing-library/react';
import * as React from 'react';
import { useTestAndEnable, type TestAndEnable } from '../../MailboxHealthControl/hooks/use-test-and-enable';
import type { PanelEngine, TestOutcome } from '../../MailboxHealthControl/model/engine';
import { hostFromContext, type PanelHost } from '../../MailboxHealthControl/model/host';
import { deferred } from './deferred';
import { scriptedEngine, shown } from './scripted-engine';
import { fake, IDS } from './harness';
import { mockContext } from './mock-context';

function setup() {
  const { engine, tests: runs } = scriptedEngine();
  const port = fake();
  const host = hostFromContext(mockContext({ webAPI: port, entityId: IDS.mailbox }));
  const rediagnosis = deferred<void>();
  const rediagnose = jest.fn(() => rediagnosis.promise);
  const rendered = render(<Probe engine={engine} host={host} rediagnose={rediagnose} />);
  return { runs, port, host, rediagnose, rediagnosis, ...rendered };
}

let current: TestAndEnable;

const Probe: React.FC<{ engine: PanelEngine; host: PanelHost; rediagnose: () => Promise<void> }> = ({
  engine,
  host,
  rediagnose,
}) => {
  current = useTestAndEnable(engine, host, rediagnose);
  return <output>{JSON.stringify(current.state)}</output>;
};

describe('useTestAndEnable', () => {
  it('asks first and runs nothing until started; dismiss closes the confirmation', () => {
    const { runs } = setup();
    expect(shown()).toEqual({ kind: 'idle' });
    act(() => current.ask());
    expect(shown()).toEqual({ kind: 'confirming' });
    act(() => current.dismiss());
    expect(shown()).toEqual({ kind: 'idle' });
    expect(runs).toHaveLength(0);
  });

  it("runs on the host's record with its strings, shows progress, reads the checks again, then the outcome", async () => {
    const { runs, port, host, rediagnose, rediagnosis } = setup();
    act(() => current.ask());
    act(() => current.start());
    expect(runs).toHaveLength(1);
    expect(runs[0].port).toBe(port);
    expect(runs[0].mailboxId).toBe(IDS.mailbox);
    expect(runs[0].strings).toBe(host.strings);
    expect(shown()).toEqual({ kind: 'running', progress: null });

    act(() => runs[0].progress({ phase: 'waiting', elapsedMs: 5000 }));
    expect(shown()).toEqual({ kind: 'running', progress: { phase: 'waiting', elapsedMs: 5000 } });

    const result: TestOutcome = { outcome: 'succeeded', summary: 'Test & Enable succeeded.' };
    await act(async () => runs[0].answer.resolve(result));
    // The outcome waits for the new statuses, so the notice and the checks agree.
    expect(rediagnose).toHaveBeenCalledTimes(1);
    expect(shown()).toEqual({ kind: 'running', progress: { phase: 'waiting', elapsedMs: 5000 } });
    await act(async () => rediagnosis.resolve());
    expect(shown()).toEqual({ kind: 'finished', result });

    act(() => current.dismiss());
    expect(shown()).toEqual({ kind: 'idle' });
  });

  it('after a timeout the checks are not read again (the server has not run the test yet)', async () => {
    const { runs, rediagnose } = setup();
    act(() => current.start());
    const result: TestOutcome = { outcome: 'timeout', summary: 'The test has not finished yet.' };
    await act(async () => runs[0].answer.resolve(result));
    expect(rediagnose).not.toHaveBeenCalled();
    expect(shown()).toEqual({ kind: 'finished', result });
  });

  it("a failed request shows the host error's message", async () => {
    const { runs, rediagnose } = setup();
    act(() => current.start());
    await act(async () =>
      runs[0].answer.reject({ errorCode: 2147746336, message: 'Principal user is missing prvWriteMailbox privilege.' }),
    );
    expect(shown()).toEqual({ kind: 'failed', reason: 'Principal user is missing prvWriteMailbox privilege.' });
    expect(rediagnose).not.toHaveBeenCalled();
  });

  it('progress and an answer that arrive after unmount change nothing (no React warning, no re-read)', async () => {
    const { runs, rediagnose, unmount } = setup();
    act(() => current.start());
    unmount();
    act(() => runs[0].progress({ phase: 'waiting', elapsedMs: 10000 }));
    await act(async () => runs[0].answer.resolve({ outcome: 'succeeded', summary: 'Test & Enable succeeded.' }));
    // setup.ts fails the test on any console.error, which is where React reports an update after unmount.
    expect(rediagnose).not.toHaveBeenCalled();
  });
});
