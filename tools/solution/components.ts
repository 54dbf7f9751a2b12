import {
  FLEET_HEALTH_WEB_RESOURCE,
  MAILBOX_ENTITY_NAME,
  MAILBOX_HEALTH_FORM_ID,
} from '../../webresources/ribbon/mailbox-health-form';

/**
 * The solution's components that carry an identity of their own. GUIDs are fixed forever: Dataverse matches
 * components by them on upgrade, so a new GUID would create a second component and orphan the first.
 */

/** Dataverse web resource types (webresource.webresourcetype). */
export const WebResourceType = { html: 1, css: 2, script: 3, png: 5, svg: 11 } as const;

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

/**
 * A command button's three icons: the modern client's SVG and the classic ribbon's 16 and 32 pixel PNGs, named after
 * the button (`<file>.svg`, `<file>16.png`, `<file>32.png`). The ids are fixed: they identify the components across
 * solution versions.
 */
function buttonIcons(
  file: string,
  label: string,
  ids: { modern: string; small: string; large: string },
): [WebResourceComponent, WebResourceComponent, WebResourceComponent] {
  const png = (id: string, size: 16 | 32): WebResourceComponent => ({
    id,
    name: `mbh_/mailboxhealth/${file}${size}.png`,
    displayName: `Mailbox Health: ${label} icon ${size}x${size}`,
    description: `Classic ribbon icon of the ${label} button, ${size} by ${size} pixels.`,
    type: WebResourceType.png,
    source: { from: 'icon', file: `${file}${size}.png` },
  });
  return [
    {
      id: ids.modern,
      name: `mbh_/mailboxhealth/${file}.svg`,
      displayName: `Mailbox Health: ${label} icon`,
      description: `Command bar icon of the ${label} button (modern client).`,
      type: WebResourceType.svg,
      source: { from: 'icon', file: `${file}.svg` },
    },
    png(ids.small, 16),
    png(ids.large, 32),
  ];
}

export const [DIAGNOSE_ICON_MODERN, DIAGNOSE_ICON_16, DIAGNOSE_ICON_32] = buttonIcons('diagnose', 'Diagnose', {
  modern: 'dfa3b598-2d92-452b-aac9-1fca8bed38f1',
  small: '5f8d85d9-c7b4-4d3a-9a64-53776a8dc704',
  large: '428e0035-4bf5-4685-8fab-725edd7957a9',
});

export const [FLEET_ICON_MODERN, FLEET_ICON_16, FLEET_ICON_32] = buttonIcons('fleet', 'Fleet health', {
  modern: '72375ae4-df86-4d14-ab0a-09214c8dbf6a',
  small: 'b0d4b1e7-3f3c-4a53-9d0b-6f2a8c41e915',
  large: '5c7e0f2a-8d41-4b96-a3e5-1f9b6d2c7a08',
});

/** The Fleet health page; fleet.html refers to its script and its icon font by relative URL (same folder). */
export const FLEET_PAGE: WebResourceComponent = {
  id: '4e069c11-2fd4-4132-b960-f6df48d09ac9',
  name: FLEET_HEALTH_WEB_RESOURCE,
  displayName: 'Mailbox Health: Fleet health',
  description:
    'The fleet of server-side sync mailboxes by the rules of Diagnose: totals, causes and fixes (reads only).',
  type: WebResourceType.html,
  source: { from: 'built', file: 'fleet.html' },
};

export const FLEET_SCRIPT: WebResourceComponent = {
  id: 'e21b92e5-d2cd-4af1-9b29-f2f560b246e9',
  name: 'mbh_/mailboxhealth/fleet.js',
  displayName: 'Mailbox Health: Fleet health script',
  description: 'The Fleet health page: the diagnostic engine, React and Fluent UI in one script.',
  type: WebResourceType.script,
  source: { from: 'built', file: 'fleet.js' },
};

/** Dataverse has no font web resource type: a style sheet carries Fluent's MDL2 icon font as a data: URL. */
export const FLEET_ICON_FONT: WebResourceComponent = {
  id: '84781a05-4533-4b68-a47f-cb7fabec9a97',
  name: 'mbh_/mailboxhealth/fleet-icons.css',
  displayName: 'Mailbox Health: Fleet health icon font',
  description:
    "Fluent UI's MDL2 icon font for the Fleet health page, so the page loads nothing from outside the environment.",
  type: WebResourceType.css,
  source: { from: 'built', file: 'fleet-icons.css' },
};

export const WEB_RESOURCES: readonly WebResourceComponent[] = [
  DIAGNOSE_SCRIPT,
  DIAGNOSE_ICON_MODERN,
  DIAGNOSE_ICON_16,
  DIAGNOSE_ICON_32,
  FLEET_PAGE,
  FLEET_SCRIPT,
  FLEET_ICON_FONT,
  FLEET_ICON_MODERN,
  FLEET_ICON_16,
  FLEET_ICON_32,
];

/** The file's path inside the zip; customizations.xml's FileName is the same path with a leading slash. */
export function webResourceZipPath(resource: WebResourceComponent): string {
  return `WebResources/${resource.name}`;
}

/**
 * The System Administrator role, as form exports name it in DisplayConditions and app exports in AppModuleRoleMaps:
 * {627090ff-40a3-4053-8790-584edc5be201}, the same in every environment (it is the role's template id). Public
 * exports that carry it: AppModuleRoleMaps with `<Role id="{627090ff-40a3-4053-8790-584edc5be201}" /> <!-- System
 * Administrator -->` (TALXIS solution documentation, docs.talxis.com), a form XML restricted with
 * `<DisplayConditions Order='1'><Role Id='{627090ff-40a3-4053-8790-584edc5be201}' />…`, and Microsoft's own
 * Unified Interface scripts (`_sysAdminRoleTemplateId = "627090FF-40A3-4053-8790-584EDC5BE201"`).
 */
export const SYSTEM_ADMINISTRATOR_ROLE_ID = '627090ff-40a3-4053-8790-584edc5be201';

/** Read access at organization level lets an admin diagnose any mailbox, whoever owns it. */
export type PrivilegeDepth = 'Basic' | 'Local' | 'Deep' | 'Global';

export interface RolePrivilege {
  name: string;
  /** The table the privilege is on (its logical name). */
  table: string;
  depth: PrivilegeDepth;
  why: string;
}

/**
 * A role that grants what a diagnosis reads and what Test & Enable writes, and nothing else. It is added to a user's
 * other roles (which give the app itself); it does not replace them. Every name must exist in the environment: one
 * unknown privilege name fails the whole import (the preflight checks them first). prvReadTraceLog is documented on
 * Microsoft's "TraceLog entity privileges" page of the CRM 2013 SDK, Global depth only, id
 * 6EA323AB-2E1E-414E-88F5-1F975B3069FD
 * (https://learn.microsoft.com/previous-versions/dynamicscrm-2013/developers-guide/dn481593(v=crm.6)).
 */
export const DIAGNOSTICIAN_ROLE = {
  id: '4c091c53-0aea-4e73-96f9-ea227e1c365d',
  name: 'Mailbox Health Diagnostician',
  privileges: [
    { name: 'prvReadMailbox', table: 'mailbox', depth: 'Global', why: 'read the mailbox being diagnosed' },
    { name: 'prvWriteMailbox', table: 'mailbox', depth: 'Global', why: 'Test & Enable the mailbox' },
    {
      name: 'prvReadEmailServerProfile',
      table: 'emailserverprofile',
      depth: 'Global',
      why: "read the mailbox's email server profile",
    },
    {
      name: 'prvReadOrganization',
      table: 'organization',
      depth: 'Global',
      why: 'read the organization email settings',
    },
    { name: 'prvReadUserSettings', table: 'usersettings', depth: 'Global', why: "read the owner's user settings" },
    { name: 'prvReadUser', table: 'systemuser', depth: 'Global', why: 'read the user who owns the mailbox' },
    { name: 'prvReadQueue', table: 'queue', depth: 'Global', why: 'read the queue that owns the mailbox' },
    {
      name: 'prvReadTraceLog',
      table: 'tracelog',
      depth: 'Global',
      why: 'read the alerts about the mailbox and its profile',
    },
  ] satisfies readonly RolePrivilege[],
} as const;

/**
 * The Mailbox Health main form. Its DisplayConditions limit it to the shipped role and System Administrator, never a
 * fallback form, and place it after the system form: model-driven apps reopen the form a user last used, and a form
 * that comes first, or that everyone may see, would become some users' ordinary mailbox form. Exported system main
 * forms carry Order 0 or 1; 100 leaves room for an environment's own forms in between (ASSUMPTION: the live system
 * Mailbox form's Order is not published).
 */
export const MAILBOX_HEALTH_FORM = {
  id: MAILBOX_HEALTH_FORM_ID,
  entity: MAILBOX_ENTITY_NAME,
  order: 100,
  fallbackForm: false,
  roleIds: [DIAGNOSTICIAN_ROLE.id, SYSTEM_ADMINISTRATOR_ROLE_ID],
  /** The Mailbox columns the form binds (solution/customizations.xml's datafieldname values; a test keeps them equal). */
  columns: [
    'emailaddress',
    'name',
    'ownerid',
    'emailserverprofile',
    'incomingemaildeliverymethod',
    'outgoingemaildeliverymethod',
    'actdeliverymethod',
    'enabledforincomingemail',
    'enabledforoutgoingemail',
    'enabledforact',
    'incomingemailstatus',
    'outgoingemailstatus',
    'actstatus',
  ],
} as const;

/**
 * Where the Diagnose buttons go. ASSUMPTION: the Mailbox ribbon has these groups; they follow the
 * Mscrm.Form.<table>.MainTab.Save and Mscrm.HomepageGrid.<table>.MainTab.Management pattern of the system tables, but no
 * public source lists the Mailbox ribbon's groups. The preflight reads the live ribbon and names the real groups.
 */
export const RIBBON_LOCATIONS = {
  form: 'Mscrm.Form.mailbox.MainTab.Save.Controls._children',
  grid: 'Mscrm.HomepageGrid.mailbox.MainTab.Management.Controls._children',
} as const;
