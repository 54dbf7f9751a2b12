import { RIBBON_COMMANDS, RIBBON_GLOBAL_NAMESPACE } from '../../webresources/ribbon/mailbox-health-form';
import {
  DIAGNOSE_ICON_16,
  DIAGNOSE_ICON_32,
  DIAGNOSE_ICON_MODERN,
  DIAGNOSE_SCRIPT,
  DIAGNOSTICIAN_ROLE,
  FLEET_ICON_16,
  FLEET_ICON_32,
  FLEET_ICON_MODERN,
  MAILBOX_HEALTH_FORM,
  RIBBON_LOCATIONS,
  WEB_RESOURCES,
  webResourceZipPath,
} from './components';
import { escapeXml } from '../../diagnostics';
import { bracedGuid, RawXml, renderXmlTemplate } from './xml-template';

export interface CustomizationsInput {
  template: string;
  solutionVersion: string;
  /** <prefix>_<namespace>.<constructor>, derived from Solution.xml and the built control manifest. */
  controlName: string;
  /** The control's ControlManifest.xml path inside the zip. */
  controlManifestZipPath: string;
}

/** The ribbon calls the bundle's global functions by these names; the vm test checks the bundle defines them. */
export const RIBBON_FUNCTION_NAMES = {
  fromForm: `${RIBBON_GLOBAL_NAMESPACE}.${RIBBON_COMMANDS.fromForm}`,
  fromGrid: `${RIBBON_GLOBAL_NAMESPACE}.${RIBBON_COMMANDS.fromGrid}`,
  outsideMailboxHealthForm: `${RIBBON_GLOBAL_NAMESPACE}.${RIBBON_COMMANDS.outsideMailboxHealthForm}`,
  fleetHealth: `${RIBBON_GLOBAL_NAMESPACE}.${RIBBON_COMMANDS.fleetHealth}`,
} as const;

export function renderCustomizations(input: CustomizationsInput): string {
  return renderXmlTemplate(
    input.template,
    {
      mailboxHealthFormId: bracedGuid(MAILBOX_HEALTH_FORM.id),
      formOrder: String(MAILBOX_HEALTH_FORM.order),
      formFallback: String(MAILBOX_HEALTH_FORM.fallbackForm),
      formRoles: new RawXml(
        MAILBOX_HEALTH_FORM.roleIds.map((id) => `                <Role Id="${bracedGuid(id)}" />`).join('\n'),
      ),
      formRibbonLocation: RIBBON_LOCATIONS.form,
      gridRibbonLocation: RIBBON_LOCATIONS.grid,
      outsideMailboxHealthFormFunction: RIBBON_FUNCTION_NAMES.outsideMailboxHealthForm,
      introducedVersion: input.solutionVersion,
      controlName: input.controlName,
      diagnoseScript: DIAGNOSE_SCRIPT.name,
      diagnoseFromFormFunction: RIBBON_FUNCTION_NAMES.fromForm,
      diagnoseFromGridFunction: RIBBON_FUNCTION_NAMES.fromGrid,
      fleetHealthFunction: RIBBON_FUNCTION_NAMES.fleetHealth,
      fleetIconModern: FLEET_ICON_MODERN.name,
      fleetIcon16: FLEET_ICON_16.name,
      fleetIcon32: FLEET_ICON_32.name,
      iconModern: DIAGNOSE_ICON_MODERN.name,
      icon16: DIAGNOSE_ICON_16.name,
      icon32: DIAGNOSE_ICON_32.name,
      roles: new RawXml(rolesXml(input.solutionVersion)),
      webResources: new RawXml(webResourcesXml(input.solutionVersion)),
      customControls: new RawXml(customControlsXml(input.controlName, input.controlManifestZipPath)),
    },
    'solution/customizations.xml',
  );
}

function rolesXml(solutionVersion: string): string {
  const privileges = DIAGNOSTICIAN_ROLE.privileges
    .map((privilege) => `        <RolePrivilege name="${escapeXml(privilege.name)}" level="${privilege.depth}" />`)
    .join('\n');
  return [
    `    <Role id="${bracedGuid(DIAGNOSTICIAN_ROLE.id)}" name="${escapeXml(DIAGNOSTICIAN_ROLE.name)}">`,
    '      <IsCustomizable>1</IsCustomizable>',
    `      <IntroducedVersion>${escapeXml(solutionVersion)}</IntroducedVersion>`,
    '      <RolePrivileges>',
    privileges,
    '      </RolePrivileges>',
    '    </Role>',
  ].join('\n');
}

function webResourcesXml(solutionVersion: string): string {
  return WEB_RESOURCES.map((resource) =>
    [
      '    <WebResource>',
      `      <WebResourceId>${bracedGuid(resource.id)}</WebResourceId>`,
      `      <Name>${escapeXml(resource.name)}</Name>`,
      `      <DisplayName>${escapeXml(resource.displayName)}</DisplayName>`,
      `      <Description>${escapeXml(resource.description)}</Description>`,
      `      <WebResourceType>${resource.type}</WebResourceType>`,
      `      <IntroducedVersion>${escapeXml(solutionVersion)}</IntroducedVersion>`,
      '      <IsEnabledForMobileClient>0</IsEnabledForMobileClient>',
      '      <IsAvailableForMobileOffline>0</IsAvailableForMobileOffline>',
      '      <IsCustomizable>1</IsCustomizable>',
      '      <CanBeDeleted>1</CanBeDeleted>',
      '      <IsHidden>0</IsHidden>',
      `      <FileName>/${escapeXml(webResourceZipPath(resource))}</FileName>`,
      '    </WebResource>',
    ].join('\n'),
  ).join('\n');
}

function customControlsXml(controlName: string, controlManifestZipPath: string): string {
  return [
    '    <CustomControl>',
    `      <Name>${escapeXml(controlName)}</Name>`,
    `      <FileName>/${escapeXml(controlManifestZipPath)}</FileName>`,
    '    </CustomControl>',
  ].join('\n');
}
