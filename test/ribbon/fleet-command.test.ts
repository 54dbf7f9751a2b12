import { XrmMockGenerator } from 'xrm-mock';
import { FLEET_DIALOG_OPTIONS, openFleetHealth } from '../../webresources/ribbon/fleet-command';
import * as entryPoint from '../../webresources/ribbon/index';
import { FLEET_HEALTH_WEB_RESOURCE, RIBBON_COMMANDS } from '../../webresources/ribbon/mailbox-health-form';
import { ribbonEn } from '../../webresources/ribbon/strings.en';

function asXrmPromise<T>(promise: Promise<T>): Xrm.Async.PromiseLike<T> {
  return promise as unknown as Xrm.Async.PromiseLike<T>;
}

/** xrm-mock's Xrm.Navigation (re-created by every initialise) with navigateTo answering `outcome`. */
function stubNavigation(outcome: 'opens' | { rejectsWith: unknown }) {
  XrmMockGenerator.initialise();
  const navigation = Xrm.Navigation;
  const navigateTo = jest
    .spyOn(navigation, 'navigateTo')
    .mockImplementation(() =>
      asXrmPromise(outcome === 'opens' ? Promise.resolve(undefined) : Promise.reject(outcome.rejectsWith)),
    );
  const openAlertDialog = jest
    .spyOn(navigation, 'openAlertDialog')
    .mockImplementation(() => asXrmPromise(Promise.resolve()));
  return { navigation, navigateTo, openAlertDialog };
}

afterEach(() => jest.restoreAllMocks());

describe('Fleet health on the mailbox list', () => {
  test('opens the Fleet health web resource in a large centred dialog', async () => {
    const { navigation, navigateTo, openAlertDialog } = stubNavigation('opens');

    await expect(openFleetHealth(navigation)).resolves.toBe('opened');

    expect(navigateTo).toHaveBeenCalledTimes(1);
    expect(navigateTo).toHaveBeenCalledWith(
      { pageType: 'webresource', webresourceName: 'mbh_/mailboxhealth/fleet.html' },
      expect.objectContaining({ target: 2, width: { value: 90, unit: '%' }, height: { value: 90, unit: '%' } }),
    );
    expect(FLEET_DIALOG_OPTIONS.title).toBe('Fleet health');
    expect(openAlertDialog).not.toHaveBeenCalled();
  });

  test('says why in an alert when the client refuses the dialog', async () => {
    const { navigation, openAlertDialog } = stubNavigation({
      rejectsWith: { errorCode: 404, message: 'Web resource not found' },
    });

    await expect(openFleetHealth(navigation)).resolves.toBe('failed');

    expect(openAlertDialog).toHaveBeenCalledWith({
      title: ribbonEn['ribbon.fleet.openFailed.title'],
      text: expect.stringContaining('Web resource not found (error code 404)'),
    });
  });

  test('the entry point wires the global Xrm.Navigation under the name the RibbonDiffXml calls', async () => {
    const { navigateTo } = stubNavigation('opens');

    expect(RIBBON_COMMANDS.fleetHealth).toBe('openFleetHealth');
    await expect(entryPoint.openFleetHealth()).resolves.toBe('opened');
    expect(navigateTo.mock.calls[0][0]).toEqual({
      pageType: 'webresource',
      webresourceName: FLEET_HEALTH_WEB_RESOURCE,
    });
  });
});
