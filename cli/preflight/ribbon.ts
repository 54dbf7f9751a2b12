/**
 * Preflight 2: the ribbon groups the Diagnose buttons go into exist. RetrieveEntityRibbon
 * (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveentityribbon) returns
 * CompressedEntityXml, a zip whose part /RibbonXml.xml holds the ribbon
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/export-ribbon-definitions). A CustomAction's
 * Location `X._children` exists when the ribbon has an element with Id `X`. A missing one imports fine but shows no
 * button, so the check names the groups that hold the Save, Deactivate and Test & Enable buttons: the one edit.
 */
import { strFromU8, unzipSync } from 'fflate';
import { unescapeXml, withRetry } from '../../diagnostics';
import { MAILBOX_HEALTH_FORM, RIBBON_LOCATIONS } from '../../tools/solution/components';
import { t } from '../text';
import type { PreflightContext, PreflightResult } from './types';

export type RibbonFilter = 'Form' | 'HomepageGrid';

/** A group of the ribbon holding buttons a Diagnose button belongs beside. */
export interface CandidateGroup {
  group: string;
  /** The Location to write: `<Controls Id>._children`. */
  location: string;
  buttons: string[];
}

/** The buttons Diagnose belongs beside, by the last part of their Id (Mscrm.Form.mailbox.Deactivate → Deactivate). */
const NEIGHBOUR_BUTTONS: readonly { label: string; pattern: RegExp }[] = [
  { label: 'Save', pattern: /\.Save(AndClose)?$/i },
  { label: 'Deactivate', pattern: /\.Deactivate$/i },
  { label: 'Test & Enable', pattern: /\.Test(And)?Enable\w*$/i },
];

export function ribbonPath(filter: RibbonFilter): string {
  return `RetrieveEntityRibbon(EntityName='${MAILBOX_HEALTH_FORM.entity}',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'${filter}')`;
}

/** The ribbon XML inside CompressedEntityXml (base64 of a zip; the part is UTF-8, or UTF-16 with a byte-order mark). */
export function decodeRibbon(compressed: string): string {
  const parts = unzipSync(new Uint8Array(Buffer.from(compressed, 'base64')));
  const name = Object.keys(parts).find((part) => part.replace(/^\//, '').toLowerCase() === 'ribbonxml.xml');
  if (name === undefined) throw new Error(t('cli.preflight.unexpectedAnswer', { call: 'RetrieveEntityRibbon' }));
  const bytes = parts[name];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.subarray(2)).toString('utf16le');
  return strFromU8(bytes).replace(/^\uFEFF/, '');
}

interface OpenElement {
  name: string;
  id: string | undefined;
}

/** Every Id in the ribbon, and the groups holding the neighbour buttons (a tag scanner: enough for machine-written XML). */
export function readRibbon(xml: string): { ids: Set<string>; candidates: CandidateGroup[] } {
  const ids = new Set<string>();
  const candidates = new Map<string, CandidateGroup>();
  const stack: OpenElement[] = [];
  const withoutComments = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '');
  for (const match of withoutComments.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, closing, name, attributes, selfClosing] = match;
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const idMatch = /\bId\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
    const id = idMatch ? unescapeXml(idMatch[1] ?? idMatch[2] ?? '') : undefined;
    if (id !== undefined) ids.add(id);
    if (name === 'Button' && id !== undefined) {
      const label = NEIGHBOUR_BUTTONS.find((b) => b.pattern.test(id))?.label;
      const group = [...stack].reverse().find((e) => e.name === 'Group' && e.id);
      if (label && group?.id) {
        const controls = [...stack].reverse().find((e) => e.name === 'Controls' && e.id);
        const entry = candidates.get(group.id) ?? {
          group: group.id,
          location: `${controls?.id ?? `${group.id}.Controls`}._children`,
          buttons: [],
        };
        if (!entry.buttons.includes(label)) entry.buttons.push(label);
        candidates.set(group.id, entry);
      }
    }
    if (!selfClosing) stack.push({ name, id });
  }
  return { ids, candidates: [...candidates.values()] };
}

async function checkRibbon(context: PreflightContext, filter: RibbonFilter): Promise<PreflightResult> {
  const id = filter === 'Form' ? 'ribbon-form' : 'ribbon-grid';
  const location = filter === 'Form' ? RIBBON_LOCATIONS.form : RIBBON_LOCATIONS.grid;
  const answer = (await withRetry(() => context.client.get(ribbonPath(filter)), context.retry)) as
    { CompressedEntityXml?: unknown } | undefined;
  if (typeof answer?.CompressedEntityXml !== 'string')
    throw new Error(t('cli.preflight.unexpectedAnswer', { call: 'RetrieveEntityRibbon' }));
  let ribbon: ReturnType<typeof readRibbon>;
  try {
    ribbon = readRibbon(decodeRibbon(answer.CompressedEntityXml));
  } catch {
    throw new Error(t('cli.preflight.unexpectedAnswer', { call: 'RetrieveEntityRibbon' }));
  }
  const target = location.replace(/\._children$/, '');
  const details = { location, exists: ribbon.ids.has(target), candidates: ribbon.candidates };
  if (details.exists)
    return { id, verdict: 'ok', found: t('cli.preflight.ribbon.found', { id: target }), action: '', details };
  const suggestions = ribbon.candidates.map((c) =>
    t('cli.preflight.ribbon.candidate', { location: c.location, buttons: c.buttons.join(', ') }),
  );
  return {
    id,
    verdict: 'will-not-work',
    found: t('cli.preflight.ribbon.missing', { id: target }),
    action:
      suggestions.length > 0
        ? t('cli.preflight.ribbon.missingAction', { location, candidates: suggestions.join('; ') })
        : t('cli.preflight.ribbon.missingNoCandidate', { location }),
    details,
  };
}

export const checkFormRibbon = (context: PreflightContext) => checkRibbon(context, 'Form');
export const checkGridRibbon = (context: PreflightContext) => checkRibbon(context, 'HomepageGrid');
