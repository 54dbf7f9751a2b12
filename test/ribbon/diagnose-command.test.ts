import { FormItemMock, FormSelectorMock, ItemCollectionMock, UiMock, XrmMockGenerator } from 'xrm-mock';
import {
  CENTRED_DIALOG_OPTIONS,
  describeError,
  diagnoseFromForm,
  diagnoseFromGrid,
  isOutsideMailboxHealthForm,
  SIDE_DIALOG_OPTIONS,
  type RibbonNavigation,
} from '../../webresources/ribbon/diagnose-command';
import * as entryPoint from '../../webresources/ribbon/index';
import { MAILBOX_HEALTH_FORM_ID, RIBBON_COMMANDS } from '../../webresources/ribbon/mailbox-health-form';
import { ribbonEn } from '../../webresources/ribbon/strings.en';

const MAILBOX_ID = '6d4533a2-029d-45f3-a590-86b04145e17f';
const FORM_TYPE = { create: 1, update: 2 } as const;

const mailboxHealthPage = (entityId: string): Xrm.Navigation.PageInputEntityRecord => ({
  pageType: 'entityrecord',
  entityName: 'mailbox',
  entityId,
  formId: MAILBOX_HEALTH_FORM_ID,
});

/** A mailbox form in xrm-mock: the record id as the form reports it (braced, upper case) and the form type. */
function mailboxForm(recordId: string, formType: number): Xrm.FormContext {
  XrmMockGenerator.initialise({
    entity: { entityName: 'mailbox', id: recordId },
    // initialise takes a built UiMock here, whatever its declared type says.
    ui: new UiMock({
      controls: new ItemCollectionMock<Xrm.Controls.Control>([]),
      formSelector: new FormSelectorMock(
        new ItemCollectionMock([new FormItemMock({ id: '{form}', label: 'Mailbox', formType, currentItem: true })]),
      ),
    }),
  });
  return XrmMockGenerator.getFormContext();
}

type NavigateOutcome = 'opens' | { rejectsWith: unknown };

/** Xrm types its promises as Xrm.Async.PromiseLike, whose then() overloads a native Promise does not match exactly. */
function asXrmPromise<T>(promise: Promise<T>): Xrm.Async.PromiseLike<T> {
  return promise as unknown as Xrm.Async.PromiseLike<T>;
}

/**
 * Stubs the three Navigation calls on xrm-mock's Xrm.Navigation (re-created by every initialise): navigateTo answers
 * each call in turn with the given outcomes, the dialogs resolve; the confirm dialog answers Close unless `retries`
 * says how many times to choose Retry first.
 */
function stubNavigation(...navigateOutcomes: (NavigateOutcome | { retries: number })[]): {
  navigation: RibbonNavigation;
  navigateTo: jest.SpyInstance;
  openAlertDialog: jest.SpyInstance;
  openConfirmDialog: jest.SpyInstance;
} {
  const navigation = Xrm.Navigation;
  const isRetries = (outcome: NavigateOutcome | { retries: number }): outcome is { retries: number } =>
    typeof outcome === 'object' && 'retries' in outcome;
  let retries = navigateOutcomes.find(isRetries)?.retries ?? 0;
  const remaining = navigateOutcomes.filter((outcome): outcome is NavigateOutcome => !isRetries(outcome));
  const navigateTo = jest.spyOn(navigation, 'navigateTo').mockImplementation(() => {
    const outcome = remaining.shift();
    if (outcome === undefined) throw new Error('navigateTo called more often than the test expects');
    return asXrmPromise(outcome === 'opens' ? Promise.resolve(undefined) : Promise.reject(outcome.rejectsWith));
  });
  const openAlertDialog = jest
    .spyOn(navigation, 'openAlertDialog')
    .mockImplementation(() => asXrmPromise(Promise.resolve()));
  const openConfirmDialog = jest
    .spyOn(navigation, 'openConfirmDialog')
    .mockImplementation(() => asXrmPromise(Promise.resolve({ confirmed: retries-- > 0 })));
  return { navigation, navigateTo, openAlertDialog, openConfirmDialog };
}

afterEach(() => jest.restoreAllMocks());

describe('Diagnose on the mailbox form', () => {
  test('opens the Mailbox Health form of this record in a side dialog', async () => {
    const form = mailboxForm(`{${MAILBOX_ID.toUpperCase()}}`, FORM_TYPE.update);
    const { navigation, navigateTo, openAlertDialog, openConfirmDialog } = stubNavigation('opens');

    await expect(diagnoseFromForm(form, navigation)).resolves.toBe('side-dialog');

    expect(navigateTo.mock.calls).toEqual([[mailboxHealthPage(MAILBOX_ID), SIDE_DIALOG_OPTIONS]]);
    expect(SIDE_DIALOG_OPTIONS).toMatchObject({ target: 2, position: 2, width: { value: 40, unit: '%' } });
    expect(openAlertDialog).not.toHaveBeenCalled();
    expect(openConfirmDialog).not.toHaveBeenCalled();
  });

  test('retries as a centred dialog when the side dialog is refused', async () => {
    const form = mailboxForm(`{${MAILBOX_ID}}`, FORM_TYPE.update);
    const { navigation, navigateTo, openConfirmDialog } = stubNavigation(
      { rejectsWith: { errorCode: -2147220970, message: 'Side panes are not available here.' } },
      'opens',
    );

    await expect(diagnoseFromForm(form, navigation)).resolves.toBe('centred-dialog');

    expect(navigateTo.mock.calls).toEqual([
      [mailboxHealthPage(MAILBOX_ID), SIDE_DIALOG_OPTIONS],
      [mailboxHealthPage(MAILBOX_ID), CENTRED_DIALOG_OPTIONS],
    ]);
    expect(CENTRED_DIALOG_OPTIONS).toMatchObject({ target: 2, position: 1 });
    expect(openConfirmDialog).not.toHaveBeenCalled();
  });

  test('shows both failures with Retry and Close when the centred dialog fails too', async () => {
    const form = mailboxForm(`{${MAILBOX_ID}}`, FORM_TYPE.update);
    const { navigation, navigateTo, openConfirmDialog } = stubNavigation(
      { rejectsWith: { errorCode: -2147220969, message: 'Form not found.' } },
      { rejectsWith: new Error('Dialog failed to load.') },
    );

    await expect(diagnoseFromForm(form, navigation)).resolves.toBe('failed');

    expect(navigateTo).toHaveBeenCalledTimes(2);
    expect(openConfirmDialog.mock.calls).toEqual([
      [
        {
          title: ribbonEn['ribbon.openFailed.title'],
          text: `${ribbonEn['ribbon.openFailed']}\n\nSide dialog: Form not found. (error code -2147220969)\nCentred dialog: Dialog failed to load.`,
          confirmButtonLabel: 'Retry',
          cancelButtonLabel: 'Close',
        },
      ],
    ]);
  });

  test('Retry tries again, and opens once the form loads', async () => {
    const form = mailboxForm(`{${MAILBOX_ID}}`, FORM_TYPE.update);
    const { navigation, navigateTo, openConfirmDialog } = stubNavigation(
      { retries: 1 },
      { rejectsWith: undefined },
      { rejectsWith: {} },
      'opens',
    );

    await expect(diagnoseFromForm(form, navigation)).resolves.toBe('side-dialog');

    expect(navigateTo).toHaveBeenCalledTimes(3);
    expect(openConfirmDialog).toHaveBeenCalledTimes(1);
    // A rejection that explains nothing says so, never "undefined".
    expect(openConfirmDialog.mock.calls[0][0].text).toContain(
      'Side dialog: no reason given\nCentred dialog: no reason given',
    );
  });

  test('explains instead of opening on a new, unsaved mailbox', async () => {
    const form = mailboxForm('', FORM_TYPE.create);
    const { navigation, navigateTo, openAlertDialog } = stubNavigation();

    await expect(diagnoseFromForm(form, navigation)).resolves.toBe('unsaved');

    expect(navigateTo).not.toHaveBeenCalled();
    expect(openAlertDialog.mock.calls).toEqual([
      [{ title: ribbonEn['ribbon.unsaved.title'], text: ribbonEn['ribbon.unsaved.text'] }],
    ]);
  });

  test('treats a create form as unsaved even before the platform shows an id', async () => {
    const form = mailboxForm(`{${MAILBOX_ID}}`, FORM_TYPE.create);
    const { navigation, navigateTo } = stubNavigation();

    await expect(diagnoseFromForm(form, navigation)).resolves.toBe('unsaved');
    expect(navigateTo).not.toHaveBeenCalled();
  });
});

describe('Diagnose on the mailbox grid', () => {
  beforeEach(() => XrmMockGenerator.initialise());

  test('with none selected, asks for a selection and opens nothing', async () => {
    const { navigation, navigateTo, openAlertDialog } = stubNavigation();

    await expect(diagnoseFromGrid([], navigation)).resolves.toBe('no-selection');

    expect(navigateTo).not.toHaveBeenCalled();
    expect(openAlertDialog.mock.calls).toEqual([
      [{ title: ribbonEn['ribbon.selection.title'], text: ribbonEn['ribbon.selection.none'] }],
    ]);
  });

  test('with no selection list at all, behaves as with none selected', async () => {
    const { navigation, navigateTo } = stubNavigation();
    await expect(diagnoseFromGrid(undefined, navigation)).resolves.toBe('no-selection');
    expect(navigateTo).not.toHaveBeenCalled();
  });

  test('with one selected, opens its Mailbox Health form in a side dialog', async () => {
    const { navigation, navigateTo, openAlertDialog } = stubNavigation('opens');

    await expect(diagnoseFromGrid([`{${MAILBOX_ID.toUpperCase()}}`], navigation)).resolves.toBe('side-dialog');

    expect(navigateTo.mock.calls).toEqual([[mailboxHealthPage(MAILBOX_ID), SIDE_DIALOG_OPTIONS]]);
    expect(openAlertDialog).not.toHaveBeenCalled();
  });

  test('with two selected, says how many are selected and opens nothing', async () => {
    const { navigation, navigateTo, openAlertDialog } = stubNavigation();

    await expect(diagnoseFromGrid([MAILBOX_ID, '92960716-e4bb-4990-89f2-579bc8b8fa5e'], navigation)).resolves.toBe(
      'many-selected',
    );

    expect(navigateTo).not.toHaveBeenCalled();
    expect(openAlertDialog).toHaveBeenCalledTimes(1);
    expect(openAlertDialog.mock.calls[0][0]).toEqual({
      title: ribbonEn['ribbon.selection.title'],
      text: 'Diagnose works on one mailbox at a time, and 2 are selected. Select just one, then select Diagnose again.',
    });
  });

  test('a failure to open reaches the dialog with Retry', async () => {
    const { navigation, openConfirmDialog } = stubNavigation(
      { rejectsWith: 'refused' },
      { rejectsWith: 'refused again' },
    );

    await expect(diagnoseFromGrid([MAILBOX_ID], navigation)).resolves.toBe('failed');

    expect(openConfirmDialog).toHaveBeenCalledTimes(1);
    expect(openConfirmDialog.mock.calls[0][0]).toMatchObject({
      title: ribbonEn['ribbon.openFailed.title'],
      text: `${ribbonEn['ribbon.openFailed']}\n\nSide dialog: refused\nCentred dialog: refused again`,
    });
  });
});

describe('the entry point', () => {
  test('exports exactly the commands the ribbon calls', () => {
    expect(Object.keys(entryPoint).sort()).toEqual(Object.values(RIBBON_COMMANDS).sort());
  });

  test('wires the global Xrm.Navigation into the form command', async () => {
    const form = mailboxForm(`{${MAILBOX_ID}}`, FORM_TYPE.update);
    const { navigateTo } = stubNavigation('opens');

    await expect(entryPoint.diagnoseFromForm(form)).resolves.toBe('side-dialog');
    expect(navigateTo).toHaveBeenCalledWith(mailboxHealthPage(MAILBOX_ID), SIDE_DIALOG_OPTIONS);
  });

  test('wires the global Xrm.Navigation into the grid command', async () => {
    XrmMockGenerator.initialise();
    const { openAlertDialog } = stubNavigation();

    await expect(entryPoint.diagnoseFromGrid(null)).resolves.toBe('no-selection');
    expect(openAlertDialog).toHaveBeenCalledTimes(1);
  });
});

describe('describeError', () => {
  test('keeps the message and code of an Xrm error, the message of an Error, and a plain string', () => {
    expect(describeError({ errorCode: 404, message: 'Not found' })).toBe('Not found (error code 404)');
    expect(describeError(new Error('Broken'))).toBe('Broken');
    expect(describeError('Refused')).toBe('Refused');
    expect(describeError({ reason: 'opaque' })).toBe('{"reason":"opaque"}');
    expect(describeError(undefined)).toBe('no reason given');
    expect(describeError('')).toBe('no reason given');
    expect(describeError({ errorCode: 5 })).toBe('{"errorCode":5} (error code 5)');
  });
});

describe('the form enable rule', () => {
  /** A mailbox form whose form selector shows `formIds`, the first being the current form. */
  function formShowing(...formIds: string[]): Xrm.FormContext {
    XrmMockGenerator.initialise({
      entity: { entityName: 'mailbox', id: `{${MAILBOX_ID}}` },
      ui: new UiMock({
        controls: new ItemCollectionMock<Xrm.Controls.Control>([]),
        formSelector: new FormSelectorMock(
          new ItemCollectionMock(
            formIds.map(
              (id, index) =>
                new FormItemMock({ id, label: `Form ${index}`, formType: FORM_TYPE.update, currentItem: index === 0 }),
            ),
          ),
        ),
      }),
    });
    return XrmMockGenerator.getFormContext();
  }

  test('is false on the Mailbox Health form, whatever the case and braces of its id', () => {
    expect(
      isOutsideMailboxHealthForm(
        formShowing(`{${MAILBOX_HEALTH_FORM_ID.toUpperCase()}}`, '{8e2a1d4c-0000-4000-8000-000000000001}'),
      ),
    ).toBe(false);
    expect(entryPoint.isOutsideMailboxHealthForm(formShowing(MAILBOX_HEALTH_FORM_ID))).toBe(false);
  });

  test('is true on the system Mailbox form, with one form only, and without a form selector', () => {
    expect(
      isOutsideMailboxHealthForm(formShowing('{8e2a1d4c-0000-4000-8000-000000000001}', MAILBOX_HEALTH_FORM_ID)),
    ).toBe(true);
    const single = { ui: { formSelector: { getCurrentItem: () => null } } } as unknown as Xrm.FormContext;
    expect(isOutsideMailboxHealthForm(single)).toBe(true);
    expect(isOutsideMailboxHealthForm({ ui: {} } as unknown as Xrm.FormContext)).toBe(true);
    const throwing = {
      ui: {
        formSelector: {
          getCurrentItem: () => {
            throw new Error('no selector in this client');
          },
        },
      },
    } as unknown as Xrm.FormContext;
    expect(isOutsideMailboxHealthForm(throwing)).toBe(true);
  });

  test('is exported under the name the RibbonDiffXml calls', () => {
    expect(RIBBON_COMMANDS.outsideMailboxHealthForm in entryPoint).toBe(true);
  });
});
