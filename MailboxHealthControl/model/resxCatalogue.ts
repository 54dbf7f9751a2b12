/**
 * The control bundle's stand-in for diagnostics/messages/en.ts (webpack.config.js swaps it in for the production
 * build only). On the platform every string ships in the control's resx, which is generated from that catalogue, so
 * bundling the English catalogue as well would double ~45 KB for nothing. This `en` answers from the resx instead:
 * the engine's lookups (`en[key]`, "is this a known key?") read context.resources.getString.
 *
 * Tests and the sandbox's TypeScript run the real catalogue; the sandbox page runs the built bundle, so both paths
 * are exercised.
 */
type Lookup = (key: string) => string | undefined;

// Kept on the global object, not in a module variable: should a bundler ever instantiate this module twice (once as
// itself, once as the catalogue it stands in for), both copies still read the strings installed by init.
const holder = globalThis as { mailboxHealthResxLookup?: Lookup };
const lookup: Lookup = (key) => holder.mailboxHealthResxLookup?.(key);

/** A reader over context.resources.getString, which answers the key itself (or '') when the resx has no entry. */
export function resxReader(getString: ((key: string) => string | null | undefined) | undefined): Lookup {
  return (key) => {
    let value: string | null | undefined;
    try {
      value = getString?.(key);
    } catch {
      value = undefined;
    }
    return typeof value === 'string' && value !== '' && value !== key ? value : undefined;
  };
}

/** Called by the control's init with context.resources.getString. */
export function installResx(getString: ((key: string) => string | null | undefined) | undefined): void {
  holder.mailboxHealthResxLookup = resxReader(getString);
}

function descriptor(value: string | undefined): PropertyDescriptor | undefined {
  return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
}

export const en: Record<string, string> = new Proxy({} as Record<string, string>, {
  get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined),
  getOwnPropertyDescriptor: (_target, key) => (typeof key === 'string' ? descriptor(lookup(key)) : undefined),
});
