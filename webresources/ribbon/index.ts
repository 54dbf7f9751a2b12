/**
 * Entry point of the web resource mbh_/mailboxhealth/diagnose.js. esbuild bundles it as an IIFE whose exports become
 * the global MailboxHealth.Ribbon, which the RibbonDiffXml calls. It only wires the live Xrm.Navigation into the
 * command logic; everything that decides lives in diagnose-command.ts and is tested there.
 */
import {
  diagnoseFromForm as diagnoseForm,
  diagnoseFromGrid as diagnoseGrid,
  isOutsideMailboxHealthForm as outsideForm,
  type DiagnoseOutcome,
} from './diagnose-command';
import { openFleetHealth as openFleet } from './fleet-command';

/** Ribbon action with CrmParameter PrimaryControl: the form context of the open mailbox. */
export function diagnoseFromForm(primaryControl: Xrm.FormContext): Promise<DiagnoseOutcome> {
  return diagnoseForm(primaryControl, Xrm.Navigation);
}

/** Ribbon action with CrmParameter SelectedControlSelectedItemIds: the ids selected in the mailbox grid. */
export function diagnoseFromGrid(selectedItemIds: readonly string[] | null | undefined): Promise<DiagnoseOutcome> {
  return diagnoseGrid(selectedItemIds, Xrm.Navigation);
}

/** Enable rule (CustomRule with CrmParameter PrimaryControl): false on the Mailbox Health form itself. */
export function isOutsideMailboxHealthForm(primaryControl: Xrm.FormContext): boolean {
  return outsideForm(primaryControl);
}

/** Ribbon action of the Mailbox list's Fleet health button (no parameters): opens the Fleet health page in a dialog. */
export function openFleetHealth(): Promise<'opened' | 'failed'> {
  return openFleet(Xrm.Navigation);
}
