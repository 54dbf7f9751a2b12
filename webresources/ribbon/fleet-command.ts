import { centredDialog, describeError, type RibbonNavigation } from './diagnose-command';
import { FLEET_HEALTH_WEB_RESOURCE } from './mailbox-health-form';
import { ribbonMessage } from './strings.en';

/** A large centred dialog: the page shows charts beside a list of up to thousands of mailboxes. */
export const FLEET_DIALOG_OPTIONS = centredDialog(90, 90, ribbonMessage('ribbon.fleet.dialogTitle'));

export const FLEET_PAGE_INPUT: Xrm.Navigation.PageInputHtmlWebResource = {
  pageType: 'webresource',
  webresourceName: FLEET_HEALTH_WEB_RESOURCE,
};

/**
 * The Mailbox list's Fleet health button (always enabled): opens the Fleet health page in a dialog. If the client
 * refuses (an app that blocks web resources, a page not yet published), an alert says why instead of nothing happening.
 */
export async function openFleetHealth(navigation: RibbonNavigation): Promise<'opened' | 'failed'> {
  try {
    await navigation.navigateTo(FLEET_PAGE_INPUT, FLEET_DIALOG_OPTIONS);
    return 'opened';
  } catch (error) {
    await navigation.openAlertDialog({
      title: ribbonMessage('ribbon.fleet.openFailed.title'),
      text: ribbonMessage('ribbon.fleet.openFailed', { reason: describeError(error) }),
    });
    return 'failed';
  }
}
