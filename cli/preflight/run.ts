/**
 * Runs the preflight's checks (all reads, at once) and turns the verdicts into the exit code. A check that throws
 * (no access to the metadata, a network failure, an answer of an unknown shape) becomes an `error` row; the others
 * still report.
 */
import { checkAccess } from './access';
import { checkForm } from './form';
import { checkInstalled } from './installed';
import { checkPlatform } from './platform';
import { checkFormRibbon, checkGridRibbon } from './ribbon';
import { checkRolePrivileges } from './role-privileges';
import type { PreflightCheck, PreflightCheckId, PreflightContext, PreflightResult } from './types';

export const PREFLIGHT_CHECKS: Readonly<Record<PreflightCheckId, PreflightCheck>> = {
  form: checkForm,
  'ribbon-form': checkFormRibbon,
  'ribbon-grid': checkGridRibbon,
  privileges: checkRolePrivileges,
  access: checkAccess,
  installed: checkInstalled,
  platform: checkPlatform,
};

/** 0 ready; 2 imports but something will not work; 3 the import would fail; 1 the preflight could not complete. */
export const PREFLIGHT_EXIT = { ready: 0, error: 1, willNotWork: 2, importFails: 3 } as const;

export async function runPreflight(
  context: PreflightContext,
  describe: (error: unknown) => string,
): Promise<PreflightResult[]> {
  const ids = Object.keys(PREFLIGHT_CHECKS) as PreflightCheckId[];
  return Promise.all(
    ids.map(async (id): Promise<PreflightResult> => {
      try {
        return await PREFLIGHT_CHECKS[id](context);
      } catch (error) {
        return { id, verdict: 'error', found: describe(error), action: '' };
      }
    }),
  );
}

export function preflightExitCode(results: readonly PreflightResult[]): number {
  const has = (verdict: PreflightResult['verdict']) => results.some((r) => r.verdict === verdict);
  if (has('import-fails')) return PREFLIGHT_EXIT.importFails;
  if (has('error')) return PREFLIGHT_EXIT.error;
  if (has('will-not-work')) return PREFLIGHT_EXIT.willNotWork;
  return PREFLIGHT_EXIT.ready;
}
