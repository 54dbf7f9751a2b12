/**
 * What the emulator answers for the platform itself, beyond table rows: the privilege rows, what the WhoAmI user holds,
 * the Mailbox table's metadata, its ribbons, and the version. The shapes follow Learn's reference pages (cited at each
 * answer in server.ts); the VALUES marked ASSUMPTION below are guesses about a live environment that no public source
 * settles. Tests of the preflight read these fixtures through the same HTTP calls a live environment answers, so its
 * parsing is tested against them; a test that needs another environment passes its own (EmulatorOptions.platform).
 */
import { zipSync } from 'fflate';
import { escapeXml, type DataverseRecord } from '../diagnostics';

export type PrivilegeDepth = 'Basic' | 'Local' | 'Deep' | 'Global';

export interface RibbonGroupFixture {
  id: string;
  /** Button ids, in order. */
  buttons: readonly string[];
}

export interface PlatformFixture {
  /** RetrieveVersion's Version. */
  version: string;
  /** EntityDefinitions rows by logical name, without Attributes (they come from Microsoft's schema). */
  entities: Record<string, DataverseRecord>;
  /** RetrieveEntityRibbon's XML by entity, then by RibbonLocationFilters member (Form, HomepageGrid). */
  ribbons: Record<string, Partial<Record<'Form' | 'HomepageGrid' | 'SubGrid' | 'All', string>>>;
  /** What the WhoAmI user holds, by privilege name; undefined: every privilege row at Global (a System Administrator). */
  callerPrivileges?: Record<string, PrivilegeDepth>;
}

/**
 * ASSUMPTION: a build number of the current Dataverse 9.2 service; only its form ("9.2.x.y") matters to the preflight,
 * which compares it with no minimum (Learn states none for platform libraries).
 */
export const PLATFORM_VERSION = '9.2.25112.00177';

/**
 * The privilege rows. Names follow the prv<Operation><Table schema name> pattern of the privileges Dataverse names in
 * its PrivilegeDenied errors. prvReadTraceLog and its id are from Microsoft's CRM 2013 SDK page "TraceLog entity
 * privileges" (Global depth only). ASSUMPTION: every other id here is made up (the live ids are not published here),
 * and which depths each allows is a guess (user-owned tables all four, organization-owned tables Global).
 */
const PRIVILEGES: readonly { name: string; id: string; depths: readonly PrivilegeDepth[] }[] = [
  { name: 'prvReadMailbox', id: 'a0000001-5f3c-4e2a-9b11-000000000001', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  { name: 'prvWriteMailbox', id: 'a0000001-5f3c-4e2a-9b11-000000000002', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  {
    name: 'prvReadEmailServerProfile',
    id: 'a0000001-5f3c-4e2a-9b11-000000000003',
    depths: ['Basic', 'Local', 'Deep', 'Global'],
  },
  { name: 'prvReadOrganization', id: 'a0000001-5f3c-4e2a-9b11-000000000004', depths: ['Global'] },
  {
    name: 'prvReadUserSettings',
    id: 'a0000001-5f3c-4e2a-9b11-000000000005',
    depths: ['Basic', 'Local', 'Deep', 'Global'],
  },
  { name: 'prvReadUser', id: 'a0000001-5f3c-4e2a-9b11-000000000006', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  { name: 'prvReadQueue', id: 'a0000001-5f3c-4e2a-9b11-000000000007', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  { name: 'prvReadTraceLog', id: '6ea323ab-2e1e-414e-88f5-1f975b3069fd', depths: ['Global'] },
  { name: 'prvReadContact', id: 'a0000001-5f3c-4e2a-9b11-000000000009', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  { name: 'prvReadAccount', id: 'a0000001-5f3c-4e2a-9b11-00000000000a', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  { name: 'prvReadLead', id: 'a0000001-5f3c-4e2a-9b11-00000000000b', depths: ['Basic', 'Local', 'Deep', 'Global'] },
  { name: 'prvApproveRejectEmailAddress', id: 'a0000001-5f3c-4e2a-9b11-00000000000c', depths: ['Global'] },
];

/** The privilege table's rows (columns from Microsoft's schema for `privilege`). */
export function privilegeRows(): DataverseRecord[] {
  return PRIVILEGES.map((p) => ({
    privilegeid: p.id,
    name: p.name,
    accessright: /^prvRead/.test(p.name) ? 1 : 2,
    canbebasic: p.depths.includes('Basic'),
    canbelocal: p.depths.includes('Local'),
    canbedeep: p.depths.includes('Deep'),
    canbeglobal: p.depths.includes('Global'),
  }));
}

/** A privilege's id as PrivilegeDenied names it: its row's, or a made-up one for a privilege the rows do not list. */
export function privilegeIdOf(name: string): string {
  return (
    PRIVILEGES.find((p) => p.name.toLowerCase() === name.toLowerCase())?.id ?? '00000000-0000-4000-8000-0000000000b1'
  );
}

/** A BooleanManagedProperty (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/booleanmanagedproperty). */
export function booleanManagedProperty(value: boolean, logicalName: string): DataverseRecord {
  return { Value: value, CanBeChanged: false, ManagedPropertyLogicalName: logicalName } as unknown as DataverseRecord;
}

/**
 * ASSUMPTION: the Mailbox table's metadata. Learn documents the properties (EntityMetadata) but not the Mailbox
 * table's values; CanCreateForms true is the answer the solution needs, and what a test of "cannot take a form" flips.
 */
export const MAILBOX_ENTITY: DataverseRecord = {
  MetadataId: 'b8cb5d4e-2d3b-4f66-9c3e-2f1f0e6c9a11',
  LogicalName: 'mailbox',
  SchemaName: 'Mailbox',
  EntitySetName: 'mailboxes',
  LogicalCollectionName: 'mailboxes',
  ObjectTypeCode: 9606,
  PrimaryIdAttribute: 'mailboxid',
  PrimaryNameAttribute: 'name',
  OwnershipType: 'UserOwned',
  IsCustomEntity: false,
  IsManaged: true,
  IsIntersect: false,
  IsCustomizable: booleanManagedProperty(true, 'iscustomizable'),
  CanCreateForms: booleanManagedProperty(true, 'cancreateforms'),
  CanCreateViews: booleanManagedProperty(true, 'cancreateviews'),
  CanCreateCharts: booleanManagedProperty(true, 'cancreatecharts'),
  CanCreateAttributes: booleanManagedProperty(false, 'cancreateattributes'),
} as DataverseRecord;

/**
 * A ribbon definition as RetrieveEntityRibbon returns it: RibbonDefinitions/RibbonDefinition/UI/Ribbon/Tabs/Tab/Groups/
 * Group/Controls/Button, the layout of Microsoft's exported ribbon files (RibbonCore.xsd). Each group's controls carry
 * the Id `<group>.Controls`, which is what a CustomAction's Location `<group>.Controls._children` names.
 */
export function ribbonXml(tabId: string, groups: readonly RibbonGroupFixture[]): string {
  const groupXml = groups
    .map((group, index) =>
      [
        `        <Group Id="${escapeXml(group.id)}" Sequence="${(index + 1) * 10}" Template="Mscrm.Templates.Flexible2">`,
        `          <Controls Id="${escapeXml(group.id)}.Controls">`,
        ...group.buttons.map(
          (button, b) =>
            `            <Button Id="${escapeXml(button)}" Sequence="${(b + 1) * 10}" Command="${escapeXml(button)}" TemplateAlias="o1" />`,
        ),
        '          </Controls>',
        '        </Group>',
      ].join('\n'),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<RibbonDefinitions>',
    '  <RibbonDefinition>',
    '    <UI>',
    '      <Ribbon>',
    '        <Tabs>',
    `          <Tab Id="${escapeXml(tabId)}" Command="${escapeXml(tabId)}" Sequence="10">`,
    `            <Groups Id="${escapeXml(tabId)}.Groups">`,
    groupXml,
    '            </Groups>',
    '          </Tab>',
    '        </Tabs>',
    '      </Ribbon>',
    '    </UI>',
    '  </RibbonDefinition>',
    '</RibbonDefinitions>',
  ].join('\n');
}

/**
 * ASSUMPTION: the Mailbox ribbons. Learn lists mailbox among the tables whose ribbon differs from the table template
 * (export-ribbon-definitions), but no public source shows its groups. These follow the Mscrm.Form.<table>.MainTab.Save
 * and Mscrm.HomepageGrid.<table>.MainTab.Management pattern of the system tables, with the Test & Enable button's id
 * guessed as Mscrm.<location>.mailbox.TestAndEnable.
 */
export const MAILBOX_RIBBONS: PlatformFixture['ribbons'][string] = {
  Form: ribbonXml('Mscrm.Form.mailbox.MainTab', [
    {
      id: 'Mscrm.Form.mailbox.MainTab.Save',
      buttons: [
        'Mscrm.Form.mailbox.SaveAndClose',
        'Mscrm.Form.mailbox.Save',
        'Mscrm.Form.mailbox.Deactivate',
        'Mscrm.Form.mailbox.TestAndEnable',
      ],
    },
    {
      id: 'Mscrm.Form.mailbox.MainTab.Collaborate',
      buttons: ['Mscrm.Form.mailbox.Assign', 'Mscrm.Form.mailbox.Share'],
    },
  ]),
  HomepageGrid: ribbonXml('Mscrm.HomepageGrid.mailbox.MainTab', [
    {
      id: 'Mscrm.HomepageGrid.mailbox.MainTab.Management',
      buttons: [
        'Mscrm.HomepageGrid.mailbox.NewRecord',
        'Mscrm.HomepageGrid.mailbox.Edit',
        'Mscrm.HomepageGrid.mailbox.Deactivate',
        'Mscrm.HomepageGrid.mailbox.TestAndEnable',
      ],
    },
    { id: 'Mscrm.HomepageGrid.mailbox.MainTab.Collaborate', buttons: ['Mscrm.HomepageGrid.mailbox.Assign'] },
  ]),
};

export function defaultPlatform(): PlatformFixture {
  return {
    version: PLATFORM_VERSION,
    entities: { mailbox: structuredClone(MAILBOX_ENTITY) },
    ribbons: { mailbox: { ...MAILBOX_RIBBONS } },
  };
}

/**
 * CompressedEntityXml: Learn's "Export ribbon definitions" unpacks it with System.IO.Packaging as a zip holding the
 * part /RibbonXml.xml; a [Content_Types].xml part, as System.IO.Packaging writes, comes with it.
 */
export function compressRibbon(xml: string): string {
  const zip = zipSync({
    'RibbonXml.xml': new Uint8Array(Buffer.from(xml, 'utf8')),
    '[Content_Types].xml': new Uint8Array(
      Buffer.from(
        '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /></Types>',
        'utf8',
      ),
    ),
  });
  return Buffer.from(zip).toString('base64');
}
