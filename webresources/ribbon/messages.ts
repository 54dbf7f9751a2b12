/**
 * Every English string the Diagnose command shows. A ribbon web resource cannot read the control's resx at run time,
 * so its strings live here, in one place, under `ribbon.` keys: the same keys the product catalogue
 * (diagnostics/messages/en.ts) would take if these strings move there. Button labels and tooltips are not here: they
 * are LocLabels in the RibbonDiffXml, which the platform localises itself.
 */
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
} as const;

export type RibbonMessageKey = keyof typeof ribbonEn;

/** Fills `{name}` placeholders with plain text; the dialogs render text, not HTML. */
export function ribbonMessage(key: RibbonMessageKey, params: Record<string, string | number> = {}): string {
  return ribbonEn[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
