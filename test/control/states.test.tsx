/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { click, fake, IDS, renderControl } from './harness';
import { failingPort, heldPort } from './mock-context';
import { CHECK_ORDER } from '../../diagnostics';
import { DEBUGGING_ORDER } from '../support/expected';

const OTHER_MAILBOX = IDS.queueMailbox;

describe('MailboxHealthControl states', () => {
  it('shows a shimmer while the engine runs, then the report', async () => {
    const held = heldPort(fake());
    renderControl({ webAPI: held.port });
    // Fluent MessageBars render their text a tick late (for screen readers), hence findBy* for messages below.
    expect(screen.getByText('Diagnosing the mailbox…')).toBeInTheDocument();
    expect(document.querySelector('.ms-Shimmer-container')).not.toBeNull();
    held.release();
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' })).toBeInTheDocument();
    expect(screen.getByText('dana.whitfield@contoso.com')).toBeInTheDocument();
    expect(screen.queryByText('Diagnosing the mailbox…')).toBeNull();
    expect(document.querySelector('.ms-Shimmer-container')).toBeNull();
  });

  it('shows a healthy mailbox: verdict in words with a shape, every check in the debugging order', async () => {
    renderControl({ webAPI: fake() });
    const verdict = await screen.findByLabelText('Overall verdict: Healthy');
    // The sandbox's browser tests find the panel by this id.
    expect(document.querySelector('[data-testid="mailbox-health"]')).not.toBeNull();
    expect(verdict.closest('[data-verdict]')?.querySelector('svg[data-status="pass"]')).not.toBeNull();
    const checks = within(screen.getByRole('list', { name: 'Checks in debugging order' })).getAllByRole('heading', {
      level: 3,
    });
    expect(checks).toHaveLength(CHECK_ORDER.length);
    const ids = Array.from(document.querySelectorAll('[data-check]')).map((el) => el.getAttribute('data-check'));
    expect(ids).toEqual(DEBUGGING_ORDER);
    expect(screen.queryByText('Start here')).toBeNull();
    // No profile or environment finding, so no findings section.
    expect(screen.queryByRole('region', { name: 'Profile and environment findings' })).toBeNull();
    // Nothing is expanded on a healthy mailbox.
    for (const button of screen.getAllByRole('button', { name: /Show details/ }))
      expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('asks to save a new mailbox first and sends no request', async () => {
    const port = fake();
    renderControl({ webAPI: port, entityId: null });
    expect(
      await screen.findByText('Save the mailbox first: the diagnosis reads the saved record.'),
    ).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(port.requests).toHaveLength(0);
  });

  it('treats the empty GUID of a new record as unsaved', async () => {
    const port = fake();
    renderControl({ webAPI: port, entityId: '00000000-0000-0000-0000-000000000000' });
    expect(await screen.findByText(/Save the mailbox first/)).toBeInTheDocument();
    expect(port.requests).toHaveLength(0);
  });

  it('says so when the host has no Web API', async () => {
    renderControl({ webAPI: null });
    expect(await screen.findByText(/does not give the control access to the Web API/)).toBeInTheDocument();
  });

  it('says so when placed on another table, and sends no request', async () => {
    const port = fake();
    renderControl({ webAPI: port, entityTypeName: 'contact' });
    expect(
      await screen.findByText(
        'This panel diagnoses mailboxes. Place it on the Mailbox form (this record is a contact).',
      ),
    ).toBeInTheDocument();
    expect(port.requests).toHaveLength(0);
  });

  it('shows a failure with the reason and retries when nothing could be read', async () => {
    let port = failingPort({ errorCode: 2147746336, message: 'Principal user is missing prvReadMailbox privilege.' });
    const good = fake();
    const switching = {
      retrieveRecord: (...args: Parameters<typeof good.retrieveRecord>) => port.retrieveRecord(...args),
      retrieveMultipleRecords: (...args: Parameters<typeof good.retrieveMultipleRecords>) =>
        port.retrieveMultipleRecords(...args),
      updateRecord: (...args: Parameters<typeof good.updateRecord>) => port.updateRecord(...args),
    };
    renderControl({ webAPI: switching });
    const alert = await screen.findByText(
      /^The diagnosis could not run: Could not check: you lack read privilege on Mailboxes/,
    );
    expect(alert.closest('.ms-MessageBar')).not.toBeNull();
    port = good;
    await click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' })).toBeInTheDocument();
  });

  it('shows a message with Retry, never an empty panel, when the host answers with something that is not a record', async () => {
    const good = fake();
    // A session that expired behind a proxy: the host hands back the sign-in page's text, or nothing at all.
    let odd = true;
    const port = {
      retrieveRecord: (...args: Parameters<typeof good.retrieveRecord>) =>
        odd ? Promise.resolve('<html><title>Sign in</title></html>' as never) : good.retrieveRecord(...args),
      retrieveMultipleRecords: (...args: Parameters<typeof good.retrieveMultipleRecords>) =>
        odd ? Promise.resolve(undefined as never) : good.retrieveMultipleRecords(...args),
      updateRecord: (...args: Parameters<typeof good.updateRecord>) => good.updateRecord(...args),
    };
    renderControl({ webAPI: port });
    const alert = await screen.findByText(
      'The diagnosis could not run: Could not check: the answer for Mailboxes (mailbox) was not a Dataverse answer (a sign-in page or a proxy in the way?); try again once the connection is back.',
    );
    expect(alert.closest('.ms-MessageBar')).not.toBeNull();
    expect(document.body.textContent).not.toMatch(/TypeError|Cannot read properties|undefined/);
    expect(document.querySelector('[data-check]')).toBeNull();
    odd = false;
    await click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' })).toBeInTheDocument();
  });

  it('shows a failure when the engine itself throws', async () => {
    const port = fake();
    renderControl({ webAPI: port, entityId: 'not-a-guid' });
    expect(
      await screen.findByText('The diagnosis could not run: Not a record id (GUID): not-a-guid'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it('shows a partial report: checks that could not read their input say "Could not check" and why', async () => {
    const port = fake();
    port.faults.deny({ table: 'emailserverprofile' });
    renderControl({ webAPI: port });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    expect(
      await screen.findByText('Some checks could not run. Their results show "Could not check" with the reason.'),
    ).toBeInTheDocument();
    const profile = document.querySelector('[data-check="server-profile"]') as HTMLElement;
    expect(profile).toHaveAttribute('data-status', 'error');
    expect(within(profile).getByText('Could not check')).toBeInTheDocument();
    expect(profile.querySelector('svg[data-status="error"]')).not.toBeNull();
    // The reason is the check's summary: it names what could not be read.
    expect(
      within(profile).getByText(/server profile|emailserverprofile|privilege/i, { selector: 'p' }),
    ).toBeInTheDocument();
  });

  it('ignores a response for a record the form no longer shows', async () => {
    const first = heldPort(fake());
    const view = renderControl({ webAPI: first.port });
    expect(first.calls()).toBeGreaterThan(0);
    const second = fake({
      extra: {
        mailbox: [
          {
            mailboxid: OTHER_MAILBOX,
            name: 'Support queue',
            emailaddress: 'support@contoso.com',
            statecode: 0,
            incomingemaildeliverymethod: 2,
            outgoingemaildeliverymethod: 2,
            actdeliverymethod: 0,
          },
        ],
      },
    });
    view.update({ webAPI: second, entityId: OTHER_MAILBOX });
    expect(await screen.findByRole('heading', { level: 2, name: 'Support queue' })).toBeInTheDocument();
    first.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('heading', { level: 2, name: 'Dana Whitfield' })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Support queue' })).toBeInTheDocument();
  });

  it('renders Dataverse text as text, never as markup', async () => {
    const name = '<img src=x onerror="window.__pwned=1"><b>Dana</b>';
    renderControl({ webAPI: fake({ mailbox: { name } }) });
    expect(await screen.findByRole('heading', { level: 2, name })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('survives unmounting while the engine is still running', async () => {
    const held = heldPort(fake());
    const view = renderControl({ webAPI: held.port });
    view.unmount();
    held.release();
    // The engine goes on to its second round of reads after the panel is gone; its answer must land nowhere (React
    // reports an update of an unmounted component through console.error).
    await waitFor(() => expect(held.calls()).toBeGreaterThan(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(console.error).not.toHaveBeenCalled();
  });
});
