/** @jest-environment jsdom */
import './setup';
import { screen, within } from '@testing-library/react';
import { alert } from '../support/fixtures';
import { click, fake, renderControl } from './harness';

/** An Error alert no catalogue entry knows, its code only in the details, beside one the catalogue recognises. */
const withAlerts = () =>
  fake({
    alerts: [
      alert('mailbox', 'Email cannot be received for the mailbox Dana Whitfield.', 3, 1, {
        errordetails: 'Email Server Error Code: Exchange server returned ErrorAccessDenied exception.',
      }),
      alert(
        'mailbox',
        "Email can't be received because the license is invalid for the mailbox Dana Whitfield.\nEmail Server Error Code: ErrorInvalidLicense",
        3,
        2,
      ),
    ],
  });

async function alertsSection(): Promise<HTMLElement> {
  await screen.findByText('Start here');
  const alerts = document.querySelector('[data-check="alerts"]') as HTMLElement;
  const toggle = within(alerts).getByRole('button', { name: /details/ });
  if (toggle.getAttribute('aria-expanded') === 'false') await click(toggle);
  return alerts;
}

describe('the alerts in the panel', () => {
  it('shows an unrecognised alert with its code and a Learn search for that code', async () => {
    renderControl({ webAPI: withAlerts() });
    const alerts = await alertsSection();
    const group = within(alerts)
      .getByText('Email cannot be received for the mailbox Dana Whitfield.', { selector: 'ul p' })
      .closest('li') as HTMLElement;
    expect(within(group).getByText('Error code')).toBeInTheDocument();
    expect(within(group).getByText('ErrorAccessDenied')).toBeInTheDocument();
    const search = within(group).getByRole('link', { name: 'Search Learn for ErrorAccessDenied' });
    expect(search).toHaveAttribute('href', 'https://learn.microsoft.com/search/?terms=ErrorAccessDenied');
    expect(search).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(group).queryByText('Cause')).toBeNull();
  });

  it('shows a recognised alert with its cause and fix, and no search', async () => {
    renderControl({ webAPI: withAlerts() });
    const alerts = await alertsSection();
    const group = within(alerts)
      .getByText(/the license is invalid for the mailbox Dana Whitfield/, { selector: 'ul p' })
      .closest('li') as HTMLElement;
    expect(within(group).getByText('Cause')).toBeInTheDocument();
    expect(within(group).getByText(/has no Exchange Online licence/)).toBeInTheDocument();
    expect(within(group).queryByText('Error code')).toBeNull();
    expect(within(group).queryByRole('link', { name: /Search Learn/ })).toBeNull();
  });
});
