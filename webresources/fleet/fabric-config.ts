/**
 * Runs before Fluent UI's modules (the entry point imports it first): Fluent registers the Segoe UI web fonts from
 * Microsoft's CDN unless FabricConfig.fontBaseUrl is set. Empty: no web font at all, the system's Segoe UI (or the next
 * font of Fluent's stack) is used, and the page makes no request outside the environment. Icons come from the page's
 * own font web resource (icons.ts).
 */
(window as unknown as { FabricConfig?: Record<string, unknown> }).FabricConfig = { fontBaseUrl: '', iconBaseUrl: '' };

export {};
