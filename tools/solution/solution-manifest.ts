import { DIAGNOSTICIAN_ROLE, MAILBOX_HEALTH_FORM, WEB_RESOURCES } from './components';
import { escapeXml } from '../../diagnostics';
import { bracedGuid, RawXml, renderXmlTemplate } from './xml-template';

/** Solution component types of RootComponent/@type. */
export const ComponentType = { entity: 1, role: 20, systemForm: 60, webResource: 61, customControl: 66 } as const;

/** RootComponent/@behavior: 0 includes the component whole; 2 includes a table as a shell, without its metadata. */
const INCLUDE_WHOLE = 0;
const TABLE_SHELL_ONLY = 2;

export interface SolutionManifestInput {
  template: string;
  solutionVersion: string;
  managed: boolean;
  controlName: string;
}

export function renderSolutionManifest(input: SolutionManifestInput): string {
  return renderXmlTemplate(
    input.template,
    {
      solutionVersion: input.solutionVersion,
      managed: input.managed ? 1 : 0,
      rootComponents: new RawXml(rootComponentsXml(input.controlName)),
    },
    'Solution.xml',
  );
}

/** The publisher prefix is written once, in Solution.xml; the control's solution name is derived from it. */
export function customizationPrefixOf(solutionManifestTemplate: string): string {
  const prefix = /<CustomizationPrefix>\s*([a-z0-9]+)\s*<\/CustomizationPrefix>/i.exec(solutionManifestTemplate)?.[1];
  if (prefix === undefined) throw new Error('Solution.xml has no <CustomizationPrefix>.');
  return prefix;
}

function rootComponentsXml(controlName: string): string {
  const components = [
    `<RootComponent type="${ComponentType.entity}" schemaName="${MAILBOX_HEALTH_FORM.entity}" behavior="${TABLE_SHELL_ONLY}" />`,
    `<RootComponent type="${ComponentType.systemForm}" id="${bracedGuid(MAILBOX_HEALTH_FORM.id)}" behavior="${INCLUDE_WHOLE}" />`,
    ...WEB_RESOURCES.map(
      (resource) =>
        `<RootComponent type="${ComponentType.webResource}" schemaName="${escapeXml(resource.name)}" behavior="${INCLUDE_WHOLE}" />`,
    ),
    `<RootComponent type="${ComponentType.customControl}" schemaName="${escapeXml(controlName)}" behavior="${INCLUDE_WHOLE}" />`,
    `<RootComponent type="${ComponentType.role}" id="${bracedGuid(DIAGNOSTICIAN_ROLE.id)}" behavior="${INCLUDE_WHOLE}" />`,
  ];
  return components.map((component) => `      ${component}`).join('\n');
}
