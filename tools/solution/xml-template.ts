/**
 * Solution.xml and solution/customizations.xml are XML templates: the XML stays readable and reviewable as XML, and
 * the few values that have one source elsewhere (version, form id, control name, web resources) come in as
 * `{{name}}` tokens. Text values are escaped; blocks the packer generates from the same data it zips are passed as
 * RawXml so they are inserted as markup.
 */
import { escapeXml } from '../../diagnostics';
export class RawXml {
  constructor(readonly markup: string) {}
}

export type TemplateValue = string | number | RawXml;

/**
 * Fills every token. An unknown token or an unused value is an error: a misspelt token would otherwise ship literally
 * into the solution, and an unused value means the template lost a place that needed it.
 */
export function renderXmlTemplate(
  template: string,
  values: Record<string, TemplateValue>,
  templateName: string,
): string {
  const used = new Set<string>();
  // Comments go first, so a comment may mention a {{token}} without being filled.
  const rendered = stripXmlComments(template).replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new Error(`${templateName}: no value for token {{${name}}}.`);
    }
    used.add(name);
    const value = values[name];
    return value instanceof RawXml ? value.markup : escapeXml(String(value));
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`${templateName}: values never used: ${unused.join(', ')}.`);
  return rendered;
}

/**
 * Comments explain the templates to developers; the import XML carries none, as a Dataverse export has none, so no
 * import code path ever meets a comment node.
 */
export function stripXmlComments(xml: string): string {
  return xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '');
}

/** Dataverse writes GUIDs in braces in solution files. */
export function bracedGuid(id: string): string {
  return `{${id.replace(/[{}]/g, '').toLowerCase()}}`;
}
