import { MAILBOX_ENTITY_NAME, MAILBOX_HEALTH_FORM_ID } from '../../webresources/ribbon/mailboxHealthForm';

/**
 * The solution's components that carry an identity of their own. GUIDs are fixed forever: Dataverse matches
 * components by them on upgrade, so a new GUID would create a second component and orphan the first.
 */

/** Dataverse web resource types (webresource.webresourcetype). */
export const WebResourceType = { script: 3, png: 5, svg: 11 } as const;

export interface WebResourceComponent {
  id: string;
  /** Unique name, under the publisher prefix; the ribbon refers to it as $webresource:<name>. */
  name: string;
  displayName: string;
  description: string;
  type: (typeof WebResourceType)[keyof typeof WebResourceType];
  /** Where the packer takes the file from: 'built' = out/webresources, 'icon' = webresources/icons. */
  source: { from: 'built' | 'icon'; file: string };
}

export const DIAGNOSE_SCRIPT: WebResourceComponent = {
  id: 'a49c3981-3776-4206-af02-0927581870c7',
  name: 'mbh_/mailboxhealth/diagnose.js',
  displayName: 'Mailbox Health: Diagnose command',
  description: 'Opens the Mailbox Health form of a mailbox in a side dialog (ribbon command).',
  type: WebResourceType.script,
  source: { from: 'built', file: 'diagnose.js' },
};

export const DIAGNOSE_ICON_MODERN: WebResourceComponent = {
  id: 'dfa3b598-2d92-452b-aac9-1fca8bed38f1',
  name: 'mbh_/mailboxhealth/diagnose.svg',
  displayName: 'Mailbox Health: Diagnose icon',
  description: 'Command bar icon of the Diagnose button (modern client).',
  type: WebResourceType.svg,
  source: { from: 'icon', file: 'diagnose.svg' },
};

export const DIAGNOSE_ICON_16: WebResourceComponent = {
  id: '5f8d85d9-c7b4-4d3a-9a64-53776a8dc704',
  name: 'mbh_/mailboxhealth/diagnose16.png',
  displayName: 'Mailbox Health: Diagnose icon 16x16',
  description: 'Classic ribbon icon of the Diagnose button, 16 by 16 pixels.',
  type: WebResourceType.png,
  source: { from: 'icon', file: 'diagnose16.png' },
};

export const DIAGNOSE_ICON_32: WebResourceComponent = {
  id: '428e0035-4bf5-4685-8fab-725edd7957a9',
  name: 'mbh_/mailboxhealth/diagnose32.png',
  displayName: 'Mailbox Health: Diagnose icon 32x32',
  description: 'Classic ribbon icon of the Diagnose button, 32 by 32 pixels.',
  type: WebResourceType.png,
  source: { from: 'icon', file: 'diagnose32.png' },
};

export const WEB_RESOURCES: readonly WebResourceComponent[] = [
  DIAGNOSE_SCRIPT,
  DIAGNOSE_ICON_MODERN,
  DIAGNOSE_ICON_16,
  DIAGNOSE_ICON_32,
];

/** The file's path inside the zip; customizations.xml's FileName is the same path with a leading slash. */
export function webResourceZipPath(resource: WebResourceComponent): string {
  return `WebResources/${resource.name}`;
}

export const MAILBOX_HEALTH_FORM = {
  id: MAILBOX_HEALTH_FORM_ID,
  entity: MAILBOX_ENTITY_NAME,
};

/** Read access at organization level lets an admin diagnose any mailbox, whoever owns it. */
export type PrivilegeDepth = 'Basic' | 'Local' | 'Deep' | 'Global';

export interface RolePrivilege {
  name: string;
  depth: PrivilegeDepth;
  why: string;
}

/**
 * A role that grants what a diagnosis reads and what Test & Enable writes, and nothing else. It is added to a user's
 * other roles (which give the app itself); it does not replace them.
 *
 * prvReadTraceLog (the alerts table) is deliberately absent: no Microsoft source confirms that name, and an unknown
 * privilege name fails the whole import. The README tells the admin how to grant alert reading.
 */
export const DIAGNOSTICIAN_ROLE = {
  id: '4c091c53-0aea-4e73-96f9-ea227e1c365d',
  name: 'Mailbox Health Diagnostician',
  privileges: [
    { name: 'prvReadMailbox', depth: 'Global', why: 'read the mailbox being diagnosed' },
    { name: 'prvWriteMailbox', depth: 'Global', why: 'Test & Enable the mailbox' },
    { name: 'prvReadEmailServerProfile', depth: 'Global', why: "read the mailbox's email server profile" },
    { name: 'prvReadOrganization', depth: 'Global', why: 'read the organization email settings' },
    { name: 'prvReadUserSettings', depth: 'Global', why: "read the owner's user settings" },
    { name: 'prvReadUser', depth: 'Global', why: 'read the user who owns the mailbox' },
    { name: 'prvReadQueue', depth: 'Global', why: 'read the queue that owns the mailbox' },
  ] satisfies readonly RolePrivilege[],
} as const;
