/** @jest-environment jsdom */
import './setup';
import { render, screen } from '@testing-library/react';
import * as React from 'react';
import { AlertList } from '../../MailboxHealthControl/components/AlertList';
import { PanelContext } from '../../MailboxHealthControl/components/panel-context';
import { panelStyles } from '../../MailboxHealthControl/components/styles';
import { createStrings } from '../../MailboxHealthControl/model/strings';
import { themeFromDesignLanguage } from '../../MailboxHealthControl/model/theme';
import type { AlertView } from '../../MailboxHealthControl/model/view-model';
import { resxGetString } from './mock-context';

const alert: AlertView = {
  level: 3,
  levelLabel: 'Error',
  tone: 'danger',
  shape: 'fail',
  text: 'The email address requires approval by a Microsoft 365 administrator.',
  details: null,
  onProfile: false,
  countLabel: 'Seen 2 times',
  lastSeenLabel: 'last 3 hours ago',
  stateLabel: null,
  recognised: {
    cause: 'The mailbox is not approved.',
    fix: 'Approve the email address, then run Test & Enable.',
    learnMoreUrl: 'https://learn.microsoft.com/power-platform/admin/connect-exchange-online',
  },
};

test("the Learn more link inside an alert's fix text is underlined, not told apart by colour alone", () => {
  const { theme, status } = themeFromDesignLanguage(undefined);
  render(
    <PanelContext.Provider
      value={{
        strings: createStrings(resxGetString),
        colours: status,
        classNames: panelStyles(theme),
        idPrefix: 'mbh',
      }}
    >
      <AlertList alerts={[alert]} headingId="alerts" />
    </PanelContext.Provider>,
  );
  const link = screen.getByRole('link', { name: /Learn more/ });
  expect(link.closest('dd')?.textContent).toContain(alert.recognised!.fix);
  expect(getComputedStyle(link).textDecoration).toContain('underline');
});
