import { en, formatTemplate } from '../../diagnostics';

/**
 * The Diagnose command's strings come from the product's one English catalogue (diagnostics/messages/en.ts), under
 * `ribbon.` keys. A ribbon web resource cannot read the control's resx at run time, so the catalogue is bundled into
 * the script. Button labels and tooltips are LocLabels in the RibbonDiffXml instead, which the platform localises.
 */
export type RibbonMessageKey = Extract<keyof typeof en, `ribbon.${string}`>;

export function ribbonMessage(key: RibbonMessageKey, params: Record<string, string | number> = {}): string {
  return formatTemplate(en[key], params);
}
