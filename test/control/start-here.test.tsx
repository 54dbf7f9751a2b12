/** @jest-environment jsdom */
import './setup';
import { screen, within } from '@testing-library/react';
import { CHECK_ORDER, diagnoseMailbox } from '../../diagnostics';
import { unauthorizedAlert } from '../support/fixtures';
import { click, fake, IDS, now, renderControl } from './harness';

/** Two failures (the mailbox test failed for incoming email, and sync is a day stale) plus a recognised alert. */
const failing = () =>
  fake({
    mailbox: { incomingemailstatus: 2, lastsuccessfulsynccompletedon: '2026-11-26T06:00:00Z', lastsyncerrorcount: 3 },
    alerts: [unauthorizedAlert(1), unauthorizedAlert(4)],
  });

describe('a failing mailbox', () => {
  it('marks the first failing check in the debugging order "Start here", and only that one, expanded', async () => {
    const report = await diagnoseMailbox(failing(), IDS.mailbox, { now });
    const firstFailing = CHECK_ORDER.find((id) => report.checks.find((c) => c.id === id)?.status === 'fail');
    expect(report.checks.filter((c) => c.status === 'fail').length).toBeGreaterThan(1);
    expect(firstFailing).toBeDefined();
    expect(report.startHere).toBe(firstFailing);

    renderControl({ webAPI: failing() });
    const badge = await screen.findByText('Start here');
    expect(screen.getAllByText('Start here')).toHaveLength(1);
    const card = badge.closest('[data-check]') as HTMLElement;
    expect(card).toHaveAttribute('data-check', firstFailing);
    expect(card).toHaveAttribute('data-status', 'fail');
    expect(within(card).getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getByText('What was checked')).toBeVisible();
    const title = within(card).getByRole('heading', { level: 3 }).textContent;
    const learnMore = within(card).getByRole('link', { name: `Learn more: ${title} (opens in a new tab)` });
    expect(learnMore).toHaveAttribute('target', '_blank');
    expect(learnMore.getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    // The verdict says it in words as well as colour and shape.
    expect(screen.getByLabelText('Overall verdict: Failing')).toBeInTheDocument();
    for (const other of Array.from(document.querySelectorAll('[data-check]')).filter((el) => el !== card)) {
      expect(within(other as HTMLElement).getByRole('button', { name: 'Show details' })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
    }
  });

  it('shows the alerts grouped with level, count, last seen and the recognised cause and fix', async () => {
    renderControl({ webAPI: failing() });
    await screen.findByText('Start here');
    const alerts = document.querySelector('[data-check="alerts"]') as HTMLElement;
    const toggle = within(alerts).getByRole('button', { name: /details/ });
    if (toggle.getAttribute('aria-expanded') === 'false') await click(toggle);
    expect(within(alerts).getByRole('heading', { name: 'Alerts (1)' })).toBeInTheDocument();
    const group = within(alerts)
      .getByText(/The remote server returned an error: \(401\) Unauthorized\./, { selector: 'ul p' })
      .closest('li') as HTMLElement;
    expect(within(group).getByText('Error')).toBeInTheDocument();
    expect(within(group).getByText(/^2 times · last seen /)).toBeInTheDocument();
    expect(within(group).getByText('Cause')).toBeInTheDocument();
    expect(within(group).getByText('Fix')).toBeInTheDocument();
    expect(group.querySelector('svg[data-status="fail"]')).not.toBeNull();
  });

  it('shows option values by their display labels and dates in the user time zone with relative time', async () => {
    renderControl({ webAPI: failing(), offsetMinutes: 120 });
    await screen.findByText('Start here');
    const timing = screen.getByRole('region', { name: 'Sync timing' });
    // Last successful sync 2026-11-26T06:00Z is 08:00 for a user at UTC+2, 30 hours before the fixtures' now.
    expect(within(timing).getByText('2026-11-26 08:00 (30 h ago)')).toBeInTheDocument();
    const delivery = document.querySelector('[data-check="delivery-methods"]') as HTMLElement;
    await click(within(delivery).getByRole('button', { name: 'Show details' }));
    // From the catalogue when the response had no label; Dataverse's own label when it had one (the user's language).
    expect(within(delivery).getAllByText('Server-Side Synchronization').length).toBeGreaterThan(0);
  });
});
