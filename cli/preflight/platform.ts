/**
 * Preflight 6: the platform libraries. The control is a virtual (React) control that takes React and Fluent from the
 * platform (ControlManifest.Input.xml's platform-library elements). Learn's "React controls & platform libraries"
 * (https://learn.microsoft.com/power-apps/developer/component-framework/react-controls-platform-libraries) lists the
 * library versions the platform provides but states no minimum Dataverse version for them, so the verdict is unknown
 * (never a pass) with the version RetrieveVersion reports
 * (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveversion).
 */
import { withRetry } from '../../diagnostics';
import { t } from '../text';
import type { PreflightContext, PreflightResult } from './types';

/** The manifest's platform-library elements (a test keeps them equal). */
export const PLATFORM_LIBRARIES = [
  { name: 'React', version: '16.14.0' },
  { name: 'Fluent', version: '8.121.1' },
] as const;

export async function checkPlatform(context: PreflightContext): Promise<PreflightResult> {
  const answer = (await withRetry(() => context.client.get('RetrieveVersion()'), context.retry)) as
    { Version?: unknown } | undefined;
  const version = answer?.Version;
  if (typeof version !== 'string' || !/^\d+(\.\d+)+$/.test(version))
    throw new Error(t('cli.preflight.unexpectedAnswer', { call: 'RetrieveVersion' }));
  const libraries = PLATFORM_LIBRARIES.map((l) => `${l.name} ${l.version}`).join(', ');
  return {
    id: 'platform',
    verdict: 'unknown',
    found: t('cli.preflight.platform.found', { version, libraries }),
    action: t('cli.preflight.platform.noMinimum'),
    details: { version, libraries: PLATFORM_LIBRARIES, statedMinimum: null },
  };
}
