/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createEngine } from '../../MailboxHealthControl/engine-adapter';
import { click, fake, IDS, now, renderControl } from './harness';

/** A sleep the test releases by hand, so the progress can be seen. */
function manualSleep(): { sleep: (ms: number) => Promise<void>; tick(): void; waiting(): number } {
  const pending: (() => void)[] = [];
  return {
    sleep: () => new Promise<void>((resolve) => pending.push(resolve)),
    tick: () => pending.splice(0).forEach((resolve) => resolve()),
    waiting: () => pending.length,
  };
}

const incomingFailed = () =>
  fake({ mailbox: { incomingemailstatus: 2, testmailboxaccesscompletedon: '2026-11-20T08:00:00Z' } });

/** The mailbox whose incoming email failed its test, with Test & Enable clicked: its confirmation dialog. */
async function confirmationOnIncomingFailed() {
  const port = incomingFailed();
  renderControl({ webAPI: port });
  await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
  await click(screen.getByRole('button', { name: 'Test & Enable' }));
  return { port, dialog: await screen.findByRole('alertdialog') };
}

describe('Test & Enable', () => {
  it('asks first; Cancel writes nothing', async () => {
    const { port, dialog } = await confirmationOnIncomingFailed();
    expect(within(dialog).getByText('Test and enable this mailbox?')).toBeInTheDocument();
    expect(within(dialog).getByText(/dana\.whitfield@contoso\.com/)).toBeInTheDocument();
    await click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(port.updates).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Test & Enable' })).toBeEnabled();
  });

  it('Escape dismisses the confirmation without writing', async () => {
    const { port, dialog } = await confirmationOnIncomingFailed();
    // Fluent reads KeyboardEvent.which, which browsers set and jsdom's user-event does not.
    act(() => {
      fireEvent.keyDown(dialog, { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
    });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(port.updates).toHaveLength(0);
  });

  it('on confirmation schedules the test, shows progress with the buttons disabled, then the new statuses', async () => {
    const port = incomingFailed();
    port.completesTestAndEnable(2, { incoming: 'success', outgoing: 'success', act: 'success' });
    const clock = manualSleep();
    renderControl({ webAPI: port, engine: createEngine({ now, sleep: clock.sleep }) });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    expect(document.querySelector('[data-check="mailbox-test"]')).toHaveAttribute('data-status', 'fail');

    await click(screen.getByRole('button', { name: 'Test & Enable' }));
    await click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Test & Enable' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(clock.waiting()).toBe(1));
    expect(port.updates.map((u) => [u.table, u.id, u.data])).toEqual([
      ['mailbox', IDS.mailbox, { testemailconfigurationscheduled: true }],
    ]);
    expect(screen.getByText('Scheduling the test…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run again' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Test & Enable' })).toBeDisabled();

    await act(async () => clock.tick());
    await waitFor(() =>
      expect(screen.getByText('Waiting for Dynamics 365 to run the test (5 s)…')).toBeInTheDocument(),
    );
    // The server finishes on the second poll.
    await act(async () => clock.tick());

    // A Fluent MessageBar renders its text twice: visibly, and once more for the live region.
    expect(
      (
        await screen.findAllByText(
          /^Test & Enable succeeded\. The test finished\. The checks below show the new statuses\.$/,
        )
      )[0],
    ).toBeVisible();
    await waitFor(() =>
      expect(document.querySelector('[data-check="mailbox-test"]')).toHaveAttribute('data-status', 'pass'),
    );
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();
    expect(port.updates).toHaveLength(1);
  });

  it('reports a test the server failed', async () => {
    const port = incomingFailed();
    port.completesTestAndEnable(1, { incoming: 'failure', outgoing: 'success', act: 'success' });
    renderControl({ webAPI: port });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    await click(screen.getByRole('button', { name: 'Test & Enable' }));
    await click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Test & Enable' }));
    expect((await screen.findAllByText(/^Test & Enable failed for: Incoming email\./))[0]).toBeVisible();
  });

  it('Run again re-reads the mailbox and is disabled while it runs', async () => {
    const port = fake();
    renderControl({ webAPI: port });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    const before = port.requests.length;
    port.store.update('mailbox', IDS.mailbox, { name: 'Dana W. (renamed)' });
    await click(screen.getByRole('button', { name: 'Run again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana W. (renamed)' })).toBeInTheDocument();
    expect(port.requests.length).toBeGreaterThan(before);
    expect(port.updates).toHaveLength(0);
  });
});
