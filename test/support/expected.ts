/**
 * Expectations several test files pin, written out here once and independently of the code they test, so a change to
 * the product's order fails these tests instead of passing through them.
 */

/** The debugging order: the report lists its checks in it, and "Start here" follows it. */
export const DEBUGGING_ORDER = [
  'approval',
  'owner',
  'server-profile',
  'profile-settings',
  'delivery-methods',
  'alerts',
  'mailbox-test',
  'sync-recency',
  'item-failures',
  'capacity',
  'appointments',
  'conditional-access',
  'email-tracking',
];

/**
 * The scan document's key order, the CLI's and the Fleet health page's export alike: the mailboxes (which the CLI
 * writes as the scan runs) before what needs the whole scan.
 */
export const SCAN_DOCUMENT_KEYS = [
  'scannedAt',
  'mailboxes',
  'environments',
  'total',
  'healthy',
  'warning',
  'failing',
  'unknown',
  'byCheck',
  'findings',
  'unrecognisedAlerts',
];
