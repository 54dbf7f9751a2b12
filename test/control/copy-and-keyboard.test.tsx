/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { diagnoseMailbox, en, renderReport } from '../../diagnostics';
import { click, fake, IDS, now, renderControl } from './harness';

function stubClipboard(): jest.Mock {
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

const failing = () => fake({ mailbox: { incomingemailstatus: 2 } });

async function openCopyMenu(): Promise<void> {
  await click(screen.getByRole('button', { name: 'Copy report' }));
  await screen.findByRole('menu');
}

/** Copies the failing mailbox's report with one item of the Copy menu; what reached the clipboard, written once. */
async function copiedWith(menuItem: string): Promise<string> {
  const writeText = stubClipboard();
  renderControl({ webAPI: failing() });
  await screen.findByText('Start here');
  await openCopyMenu();
  await click(screen.getByRole('menuitem', { name: menuItem }));
  await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
  return writeText.mock.calls[0][0] as string;
}

describe('Copy report', () => {
  it('puts the whole diagnosis on the clipboard as Markdown, exactly as the engine renders it', async () => {
    const copied = await copiedWith('Copy as Markdown');
    const expected = renderReport(await diagnoseMailbox(failing(), IDS.mailbox, { now }), 'markdown', {
      catalogue: en,
    });
    expect(copied).toBe(expected);
    expect(copied).toContain('Dana Whitfield');
    expect(copied).toContain('## [FAIL]');
    expect((await screen.findAllByText('Report copied to the clipboard.'))[0]).toBeVisible();
  });

  it('copies plain text too', async () => {
    expect(await copiedWith('Copy as plain text')).toBe(
      renderReport(await diagnoseMailbox(failing(), IDS.mailbox, { now }), 'text', { catalogue: en }),
    );
  });

  it('falls back to execCommand when the Clipboard API is missing, and says so when that fails too', async () => {
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    renderControl({ webAPI: failing() });
    await screen.findByText('Start here');
    await openCopyMenu();
    await click(screen.getByRole('menuitem', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(execCommand).toHaveBeenCalledWith('copy'));
    expect((await screen.findAllByText('Report copied to the clipboard.'))[0]).toBeVisible();

    execCommand.mockReturnValue(false);
    await openCopyMenu();
    await click(screen.getByRole('menuitem', { name: 'Copy as Markdown' }));
    expect(
      (await screen.findAllByText('Could not copy the report. Select the text and copy it by hand.'))[0],
    ).toBeVisible();
  });
});

describe('keyboard', () => {
  it('reaches every control in reading order and operates them', async () => {
    renderControl({ webAPI: failing() });
    const badge = await screen.findByText('Start here');
    const startCard = badge.closest('[data-check]') as HTMLElement;
    const user = userEvent.setup();
    const order: string[] = [];
    const describe = (el: Element | null): string => {
      if (!el) return 'none';
      // What a screen reader reads: aria-label, else the text without the aria-hidden glyphs.
      const visible = el.cloneNode(true) as Element;
      visible.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      const name = el.getAttribute('aria-label') ?? visible.textContent?.trim() ?? '';
      const check = el.closest('[data-check]')?.getAttribute('data-check');
      return check ? `${check}:${name}` : `${el.tagName.toLowerCase()}:${name}`;
    };
    for (let i = 0; i < 16; i++) {
      await act(async () => {
        await user.tab();
      });
      order.push(describe(document.activeElement));
    }
    const startId = startCard.getAttribute('data-check');
    const title = within(startCard).getByRole('heading', { level: 3 }).textContent;
    expect(order.slice(0, 4)).toEqual([
      'button:Run again',
      'button:Test & Enable',
      'button:Copy report',
      'approval:Show details',
    ]);
    // The expanded Start here check offers its link right after its toggle.
    const toggleIndex = order.indexOf(`${startId}:Hide details`);
    expect(toggleIndex).toBeGreaterThan(3);
    expect(order[toggleIndex + 1]).toBe(`${startId}:Learn more: ${title} (opens in a new tab)`);
    // Then the remaining checks, in the debugging order.
    const toggles = order.filter((o) => /:(Show|Hide) details$/.test(o)).map((o) => o.split(':')[0]);
    expect(toggles).toEqual(
      Array.from(document.querySelectorAll('[data-check]'))
        .map((el) => el.getAttribute('data-check'))
        .slice(0, toggles.length),
    );

    // Enter toggles a check.
    const approval = within(document.querySelector('[data-check="approval"]') as HTMLElement).getByRole('button', {
      name: 'Show details',
    });
    approval.focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect(approval).toHaveAttribute('aria-expanded', 'true');
    await act(async () => {
      await user.keyboard(' ');
    });
    expect(approval).toHaveAttribute('aria-expanded', 'false');
  });

  it('ends with the tracking explainer: address box, then Check, operable with Enter', async () => {
    renderControl({ webAPI: fake() });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: "Sender's email address" });
    const check = screen.getByRole('button', { name: 'Check' });
    box.focus();
    await act(async () => {
      await user.tab();
    });
    expect(document.activeElement).toBe(check);
    box.focus();
    await act(async () => {
      await user.type(box, 'jonas.berg@fabrikam.com{Enter}');
    });
    const region = screen.getByRole('region', { name: 'Would an email be tracked?' });
    expect(await within(region).findByText('Yes, it would be tracked')).toBeInTheDocument();
    expect(within(region).getByText('Found in Contacts (contact): Jonas Berg')).toBeInTheDocument();
  });
});

describe('email tracking explainer', () => {
  it('explains why an unknown sender would not be tracked', async () => {
    renderControl({ webAPI: fake() });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    await userEvent.type(screen.getByRole('textbox', { name: "Sender's email address" }), 'stranger@example.org');
    await click(screen.getByRole('button', { name: 'Check' }));
    const region = screen.getByRole('region', { name: 'Would an email be tracked?' });
    expect(await within(region).findByText('No, it would not be tracked')).toBeInTheDocument();
    // With every answer: what holds whatever the option (Inbox root, Sent Items, folder and manual tracking).
    expect(
      within(region).getByText(/^Whatever the option: only email in the Inbox itself is processed/),
    ).toBeInTheDocument();
    expect(within(region).getByText(/Sent Items are not tracked automatically/)).toBeInTheDocument();
  });

  it('asks for an address before asking the engine', async () => {
    const port = fake();
    renderControl({ webAPI: port });
    await screen.findByRole('heading', { level: 2, name: 'Dana Whitfield' });
    const before = port.requests.length;
    await userEvent.type(screen.getByRole('textbox', { name: "Sender's email address" }), 'not an address');
    await click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Enter an email address such as name@contoso.com.')).toBeInTheDocument();
    expect(port.requests.length).toBe(before);
  });
});
