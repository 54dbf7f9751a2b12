/**
 * The option values the engine compares columns with, in one place. Each is Microsoft's value from the table
 * reference of its table: https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/mailbox
 * (and .../emailserverprofile, .../systemuser, .../queue, .../usersettings, .../tracelog).
 */

/** statecode of a mailbox, a queue and an email server profile. */
export const STATE = { active: 0, inactive: 1 } as const;

/** mailbox.emailrouteraccessapproval ("Email Address Status") 1: Approved. */
export const MAILBOX_APPROVED = 1;

export const DELIVERY = {
  /** incoming/outgoingemaildeliverymethod 0: None. */
  emailNone: 0,
  /** incoming/outgoing email delivery methods: 2 = Server-Side Synchronization. */
  emailServerSideSync: 2,
  /** incomingemaildeliverymethod 3: Forward Mailbox. */
  forwardMailbox: 3,
  /** actdeliverymethod numbers differently: 1 = Server-Side Synchronization. */
  actServerSideSync: 1,
} as const;

/** incomingemailstatus, outgoingemailstatus and actstatus: the result of the last Test & Enable. */
export const STATUS = { notRun: 0, success: 1, failure: 2 } as const;

/**
 * mailbox.processingstatecode 1: a host holds the mailbox and is processing it now (normal, never a failure; the
 * column has no option labels).
 */
export const PROCESSING_NOW = 1;

/** systemuser.accessmode 0: Read-Write, the only mode a mailbox owner can sync with. */
export const READ_WRITE_ACCESS = 0;

/** emailserverprofile.incoming/outgoingcredentialretrieval 0: by a user or queue; 1: in the email server profile. */
export const CREDENTIALS = { byUserOrQueue: 0, inProfile: 1 } as const;

/** emailserverprofile.lasttestexecutionstatus: the last Test Connection. */
export const TEST_EXECUTION = { failure: 0, success: 1, warning: 2 } as const;

/** usersettings/queue incomingemailfilteringmethod: which incoming email is tracked automatically. */
export const FILTERING = { all: 0, responses: 1, leadsContactsAccounts: 2, emailEnabledRecords: 3, none: 4 } as const;

/** tracelog.level. */
export const ALERT_LEVEL = { information: 1, warning: 2, error: 3 } as const;
