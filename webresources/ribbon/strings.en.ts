/**
 * The ribbon commands' own words (the Diagnose and Fleet health buttons' dialogs), bundled into their script web
 * resource: a ribbon script cannot read the control's resx at run time. The buttons' labels and tooltips are LocLabels
 * in the RibbonDiffXml (solution/customizations.xml), which the platform localises itself. `{name}` placeholders take
 * plain text.
 */
import { formatTemplate } from '../../diagnostics';

export const ribbonEn = {
  'ribbon.dialogTitle': 'Mailbox Health',
  'ribbon.unsaved.title': 'Save the mailbox first',
  'ribbon.unsaved.text': 'Mailbox Health diagnoses a saved mailbox. Save this record, then select Diagnose again.',
  'ribbon.selection.title': 'Select one mailbox',
  'ribbon.selection.none': 'Select a mailbox in the list, then select Diagnose.',
  'ribbon.selection.many':
    'Diagnose works on one mailbox at a time, and {count} are selected. Select just one, then select Diagnose again.',
  'ribbon.openFailed':
    'The Mailbox Health form could not be opened. Check that the Mailbox Health solution is installed and that this app includes the Mailbox Health form of the Mailbox table.',
  'ribbon.openFailed.details': 'Side dialog: {sideError}\nCentred dialog: {centredError}',
  'ribbon.openFailed.title': 'Mailbox Health did not open',
  'ribbon.openFailed.noReason': 'no reason given',
  'ribbon.action.retry': 'Retry',
  'ribbon.action.close': 'Close',
  'ribbon.fleet.dialogTitle': 'Fleet health',
  'ribbon.fleet.openFailed.title': 'Fleet health did not open',
  'ribbon.fleet.openFailed':
    'The Fleet health page could not be opened ({reason}). Check that the Mailbox Health solution is imported and published.',
} as const;

export type RibbonMessageKey = keyof typeof ribbonEn;

export function ribbonMessage(key: RibbonMessageKey, params: Record<string, string | number> = {}): string {
  return formatTemplate(ribbonEn[key], params);
}
