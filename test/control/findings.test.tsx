/** @jest-environment jsdom */
import './setup';
import { screen, within } from '@testing-library/react';
import { alert, failedItem } from '../support/fixtures';
import { click, fake, IDS, renderControl } from './harness';

const UNAUTHORIZED = 'The remote server returned an error: (401) Unauthorized.';
/** Markup an alert may carry: shown as the characters it is, never as elements. */
const MARKUP = '<img src=x onerror="window.__hacked=1"><b>Lee Gu</b>';

const card = (id: string): HTMLElement => document.querySelector(`[data-check="${id}"]`) as HTMLElement;
const findings = (): HTMLElement => screen.getByRole('region', { name: 'Profile and environment findings' });

async function expand(id: string): Promise<void> {
  const toggle = within(card(id)).getByRole('button', { name: /details/ });
  if (toggle.getAttribute('aria-expanded') === 'false') await click(toggle);
}

describe('profile and environment findings', () => {
  /** A healthy mailbox on a profile with an Error alert about another mailbox, in an org that records no warnings. */
  const shared = () =>
    fake({
      organization: { generatealertsforwarnings: false },
      alerts: [alert('emailserverprofile', `Email cannot be received for the mailbox ${MARKUP}. ${UNAUTHORIZED}`, 3)],
    });

  it('lists each finding as information beside the checks, without changing the verdict', async () => {
    renderControl({ webAPI: shared() });
    expect(await screen.findByLabelText('Overall verdict: Healthy')).toBeInTheDocument();
    const section = findings();
    expect(within(section).getByText(/not part of its verdict/)).toBeInTheDocument();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-finding'))).toEqual(['profile-alert', 'alerts-not-recorded']);

    const [profile, environment] = items;
    expect(
      within(profile).getByRole('heading', { name: 'Email server profile: Microsoft Exchange Online' }),
    ).toBeInTheDocument();
    // Information in words and shape, not only colour.
    expect(within(profile).getByText('Information')).toBeInTheDocument();
    expect(profile.querySelector('svg[data-status="info"]')).not.toBeNull();
    expect(
      within(profile).getByText(/^An alert on the email server profile that does not name this mailbox/),
    ).toBeInTheDocument();
    expect(within(profile).getByText('Cause')).toBeInTheDocument();
    expect(within(profile).getByText('What to do')).toBeInTheDocument();
    const link = within(profile).getByRole('link', {
      name: 'Learn more: Email server profile: Microsoft Exchange Online (opens in a new tab)',
    });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\//);

    expect(within(environment).getByRole('heading', { name: 'Environment: Contoso' })).toBeInTheDocument();
    expect(
      within(environment).getByText(
        'This organization does not record Warning alerts, so transient problems go unseen.',
      ),
    ).toBeInTheDocument();
    expect(within(environment).getByText(/^Turn alerts on:/)).toBeInTheDocument();
    // Findings are not checks: the check list is unchanged and nothing in it fails.
    expect(document.querySelectorAll('[data-check][data-status="fail"]')).toHaveLength(0);
  });

  it("renders a profile alert's text with markup as text", async () => {
    const { container } = renderControl({ webAPI: shared() });
    await screen.findByLabelText('Overall verdict: Healthy');
    const profile = within(findings()).getAllByRole('listitem')[0];
    expect(profile.textContent).toContain(MARKUP);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect((window as { __hacked?: number }).__hacked).toBeUndefined();
  });
});

describe('one story per root cause', () => {
  /** Incoming email fails because of a current 401 alert: the mailbox status is the symptom, Alerts the cause. */
  const unauthorized = () =>
    fake({
      mailbox: { incomingemailstatus: 2 },
      alerts: [
        alert('mailbox', `Email cannot be received for the mailbox Dana Whitfield ${MARKUP}. ${UNAUTHORIZED}`, 3),
      ],
    });

  it('a symptom offers "See <cause>", which expands the cause and moves focus to it', async () => {
    renderControl({ webAPI: unauthorized() });
    await screen.findByText('Start here');
    expect(card('alerts')).toHaveAttribute('data-status', 'fail');
    // Collapse the cause (expanded as Start here), then get there from the symptom.
    await click(within(card('alerts')).getByRole('button', { name: 'Hide details' }));
    const see = within(card('mailbox-test')).getByRole('button', { name: 'See Alerts' });
    await click(see);
    expect(within(card('alerts')).getByRole('button', { name: 'Hide details' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(document.activeElement).toBe(within(card('alerts')).getByRole('heading', { level: 3, name: 'Alerts' }));
    // The cause itself points nowhere else.
    expect(within(card('alerts')).queryByRole('button', { name: /^See / })).toBeNull();
  });

  it("renders the alert's text with markup as text, and says it is current", async () => {
    const { container } = renderControl({ webAPI: unauthorized() });
    await screen.findByText('Start here');
    await expand('alerts');
    const group = within(card('alerts'))
      .getByText(/The remote server returned an error/, { selector: 'ul p' })
      .closest('li')!;
    expect(group.textContent).toContain(MARKUP);
    expect(container.querySelector('img')).toBeNull();
    expect(within(group).getByText(/^once · last seen .* · current$/)).toBeInTheDocument();
    expect(group.querySelector('svg[data-status="fail"]')).not.toBeNull();
  });
});

describe('alert state', () => {
  it('says in words that an Error alert has recovered, and since when (user time zone), and draws it as a warning', async () => {
    // The alert was last seen 30 h ago; the mailbox synced successfully 15 minutes ago (11:45 UTC).
    renderControl({
      webAPI: fake({
        alerts: [alert('mailbox', `Email cannot be received for the mailbox Dana Whitfield. ${UNAUTHORIZED}`, 3, 30)],
      }),
      offsetMinutes: 120,
    });
    expect(await screen.findByLabelText('Overall verdict: Needs attention')).toBeInTheDocument();
    await expand('alerts');
    const group = within(card('alerts'))
      .getByText(/The remote server returned an error/, { selector: 'ul p' })
      .closest('li')!;
    expect(within(group).getByText('Error')).toBeInTheDocument();
    expect(
      within(group).getByText(
        'once · last seen 2026-11-26 08:00 (30 h ago) · recovered since 2026-11-27 13:45 (15 min ago)',
      ),
    ).toBeInTheDocument();
    expect(group.querySelector('svg[data-status="warn"]')).not.toBeNull();
  });
});

describe('items that failed to sync', () => {
  const items = () =>
    fake({
      items: [
        failedItem('Quarterly <i>report</i>', 'The item is too large to sync.', 2),
        failedItem('***', 'A plug-in refused the item.', 5, { lastsyncerrorcode: null }),
      ],
    });

  it('lists subject (or "Subject hidden"), error, code and time in the user time zone', async () => {
    renderControl({ webAPI: items(), offsetMinutes: 60 });
    expect(await screen.findByLabelText('Overall verdict: Needs attention')).toBeInTheDocument();
    expect(card('item-failures')).toHaveAttribute('data-status', 'warn');
    await expand('item-failures');
    const details = card('item-failures');
    expect(within(details).getByText('Failed items (2)')).toBeInTheDocument();
    const first = within(details).getByText('Quarterly <i>report</i>').closest('div')!;
    expect(first).toHaveTextContent(
      'The item is too large to sync. · error code -2147220891 · 2026-11-27 11:00 (2 h ago)',
    );
    const hidden = within(details).getByText('Subject hidden').closest('div')!;
    expect(hidden).toHaveTextContent('A plug-in refused the item. · 2026-11-27 08:00 (5 h ago)');
    expect(details.textContent).not.toContain('***');
    expect(details.querySelector('dl i')).toBeNull();
  });

  it("passes the signed-in user (context.userSettings.userId) to the engine: the owner's empty list is a pass", async () => {
    renderControl({ webAPI: fake(), userId: `{${IDS.user.toUpperCase()}}` });
    await screen.findByLabelText('Overall verdict: Healthy');
    expect(card('item-failures')).toHaveAttribute('data-status', 'pass');
  });

  it('for anyone else an empty list proves nothing: information, not a pass', async () => {
    renderControl({ webAPI: fake() });
    await screen.findByLabelText('Overall verdict: Healthy');
    expect(card('item-failures')).toHaveAttribute('data-status', 'info');
  });
});
