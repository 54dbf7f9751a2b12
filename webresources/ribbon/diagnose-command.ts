import { MAILBOX_ENTITY_NAME, MAILBOX_HEALTH_FORM_ID } from './mailbox-health-form';
import { ribbonMessage } from './strings.en';

/** The part of Xrm.Navigation the command needs. The entry point passes the real one; tests pass xrm-mock's. */
export type RibbonNavigation = Pick<Xrm.Navigation, 'navigateTo' | 'openAlertDialog' | 'openConfirmDialog'>;

/** What the command did, so callers and tests can tell the paths apart without inspecting dialogs. */
export type DiagnoseOutcome =
  'side-dialog' | 'centred-dialog' | 'failed' | 'unsaved' | 'no-selection' | 'many-selected';

/** A dialog (target 2) in the centre of the window (position 1), sized in percent of the window. */
export function centredDialog(
  widthPercent: number,
  heightPercent: number,
  title: string,
): Xrm.Navigation.NavigationOptions {
  return {
    target: 2,
    position: 1,
    width: { value: widthPercent, unit: '%' },
    height: { value: heightPercent, unit: '%' },
    title,
  };
}

/** A side pane keeps the mailbox visible beside the diagnosis; 40% leaves room for the panel's two-column checks. */
export const SIDE_DIALOG_OPTIONS: Xrm.Navigation.NavigationOptions = {
  target: 2,
  position: 2,
  width: { value: 40, unit: '%' },
  title: ribbonMessage('ribbon.dialogTitle'),
};

/** Clients without side dialogs still have centred ones; this is the fallback when the side pane is refused. */
export const CENTRED_DIALOG_OPTIONS = centredDialog(70, 85, ribbonMessage('ribbon.dialogTitle'));

/** XrmEnum.FormType.Create; the ambient const enum cannot be read under isolatedModules. */
const FORM_TYPE_CREATE = 1;

/** Form command: diagnoses the record the form shows, or explains why it cannot yet. */
export async function diagnoseFromForm(
  formContext: Xrm.FormContext,
  navigation: RibbonNavigation,
): Promise<DiagnoseOutcome> {
  const mailboxId = normaliseRecordId(formContext.data.entity.getId());
  if (formContext.ui.getFormType() === FORM_TYPE_CREATE || mailboxId === '') {
    await navigation.openAlertDialog({
      title: ribbonMessage('ribbon.unsaved.title'),
      text: ribbonMessage('ribbon.unsaved.text'),
    });
    return 'unsaved';
  }
  return openMailboxHealth(mailboxId, navigation);
}

/**
 * Grid command: diagnoses the one selected mailbox. The enable rule already demands exactly one selection; this check
 * covers clients that run the command before re-evaluating the rule.
 */
export async function diagnoseFromGrid(
  selectedIds: readonly string[] | null | undefined,
  navigation: RibbonNavigation,
): Promise<DiagnoseOutcome> {
  const ids = selectedIds ?? [];
  if (ids.length !== 1) {
    await navigation.openAlertDialog({
      title: ribbonMessage('ribbon.selection.title'),
      text:
        ids.length === 0
          ? ribbonMessage('ribbon.selection.none')
          : ribbonMessage('ribbon.selection.many', { count: ids.length }),
    });
    return ids.length === 0 ? 'no-selection' : 'many-selected';
  }
  return openMailboxHealth(normaliseRecordId(ids[0]), navigation);
}

/**
 * Enable rule of the form's Diagnose: false on the Mailbox Health form itself, where Diagnose would open a nested
 * dialog of the record already shown. formSelector.getCurrentItem() returns null when the user has only one form
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/formcontext-ui-formselector);
 * that one form is then the system form (Mailbox Health is never a fallback form), so Diagnose stays enabled.
 */
export function isOutsideMailboxHealthForm(formContext: Xrm.FormContext | null | undefined): boolean {
  try {
    const current = formContext?.ui?.formSelector?.getCurrentItem?.();
    return current ? normaliseRecordId(current.getId()) !== MAILBOX_HEALTH_FORM_ID : true;
  } catch {
    // A client without a form selector: enabled, as the rule's Default says.
    return true;
  }
}

/**
 * Opens the Mailbox Health form of one mailbox: side dialog first, centred dialog if that is refused. If neither
 * opens, a dialog says why with Retry (a flaky connection or a form still loading may open the next time) and Close.
 */
export async function openMailboxHealth(mailboxId: string, navigation: RibbonNavigation): Promise<DiagnoseOutcome> {
  for (;;) {
    const failure = await tryToOpen(mailboxId, navigation);
    if (typeof failure === 'string') return failure;
    const choice = await navigation.openConfirmDialog({
      title: ribbonMessage('ribbon.openFailed.title'),
      text: `${ribbonMessage('ribbon.openFailed')}\n\n${failure.details}`,
      confirmButtonLabel: ribbonMessage('ribbon.action.retry'),
      cancelButtonLabel: ribbonMessage('ribbon.action.close'),
    });
    if (choice?.confirmed !== true) return 'failed';
  }
}

/** One attempt: the dialog that opened, or why neither did. */
async function tryToOpen(
  mailboxId: string,
  navigation: RibbonNavigation,
): Promise<DiagnoseOutcome | { details: string }> {
  const pageInput: Xrm.Navigation.PageInputEntityRecord = {
    pageType: 'entityrecord',
    entityName: MAILBOX_ENTITY_NAME,
    entityId: mailboxId,
    formId: MAILBOX_HEALTH_FORM_ID,
  };
  let sideError: unknown;
  try {
    await navigation.navigateTo(pageInput, SIDE_DIALOG_OPTIONS);
    return 'side-dialog';
  } catch (error) {
    sideError = error;
  }
  try {
    await navigation.navigateTo(pageInput, CENTRED_DIALOG_OPTIONS);
    return 'centred-dialog';
  } catch (centredError) {
    return {
      details: ribbonMessage('ribbon.openFailed.details', {
        sideError: describeError(sideError),
        centredError: describeError(centredError),
      }),
    };
  }
}

/** Forms report ids as "{GUID}" and grids in upper case; navigateTo takes the bare GUID. */
export function normaliseRecordId(id: string | null | undefined): string {
  return (id ?? '').replace(/[{}]/g, '').trim().toLowerCase();
}

/**
 * Xrm rejects with {errorCode, message}, scripts throw Error, some hosts reject with a string: keep what explains.
 * A rejection that explains nothing (undefined, an empty string or object) says so rather than "undefined".
 */
export function describeError(error: unknown): string {
  if (typeof error === 'string') return error.trim() !== '' ? error : ribbonMessage('ribbon.openFailed.noReason');
  if (error !== null && typeof error === 'object') {
    const { message, errorCode } = error as { message?: unknown; errorCode?: unknown };
    const described = typeof message === 'string' && message !== '' ? message : JSON.stringify(error);
    const text =
      described === '{}' || described === undefined ? ribbonMessage('ribbon.openFailed.noReason') : described;
    return typeof errorCode === 'number' ? `${text} (error code ${errorCode})` : text;
  }
  return error === undefined || error === null ? ribbonMessage('ribbon.openFailed.noReason') : String(error);
}
