/**
 * The identities the ribbon commands and the packer share: the Mailbox Health main form that this solution ships on
 * the mailbox table (the Diagnose command opens it by id and the packer writes the same id into the form's FormXml),
 * the Fleet health page's web resource name, and the command functions' names, so the two can never disagree.
 */
export const MAILBOX_ENTITY_NAME = 'mailbox';

/** Fixed for the life of the product: changing it would orphan the form in every environment that imported it. */
export const MAILBOX_HEALTH_FORM_ID = 'bbedf559-6b42-4b4d-b8f5-927e58170f64';

/** The Fleet health page: an HTML web resource the Mailbox list's Fleet health button opens in a dialog. */
export const FLEET_HEALTH_WEB_RESOURCE = 'mbh_/mailboxhealth/fleet.html';

/**
 * The global namespace the bundled web resource assigns its commands to. The RibbonDiffXml calls
 * `${RIBBON_GLOBAL_NAMESPACE}.diagnoseFromForm` and `.diagnoseFromGrid`; a namespace keeps them off the bare window.
 */
export const RIBBON_GLOBAL_NAMESPACE = 'MailboxHealth.Ribbon';

/** The names the entry point exports; the RibbonDiffXml is generated from these, not typed again. */
export const RIBBON_COMMANDS = {
  fromForm: 'diagnoseFromForm',
  fromGrid: 'diagnoseFromGrid',
  /** The form command's enable rule: false on the Mailbox Health form itself. */
  outsideMailboxHealthForm: 'isOutsideMailboxHealthForm',
  /** The Mailbox list's Fleet health button. */
  fleetHealth: 'openFleetHealth',
} as const;
