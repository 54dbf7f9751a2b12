/**
 * Preflight 5: the solution is not already there in a form the import cannot replace. A managed import over an
 * unmanaged copy of the same solution fails, and so does a managed import older than the installed managed version;
 * an older or equal managed version is an upgrade. No Learn page found states these two refusals outright (they are
 * how solution import behaves in practice), so they are this check's rules, not a quoted source. Read from the
 * solution table (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/solution).
 */
import { odataOptions, odataString, readString, withRetry } from '../../diagnostics';
import { t } from '../text';
import type { PreflightContext, PreflightResult } from './types';

export const SOLUTION_UNIQUE_NAME = 'MailboxHealth';

export const SOLUTION_OPTIONS = odataOptions({
  select: ['uniquename', 'friendlyname', 'version', 'ismanaged'],
  filter: `uniquename eq ${encodeURIComponent(odataString(SOLUTION_UNIQUE_NAME))}`,
});

/** -1, 0 or 1: numeric parts compared in order, a missing part counting as 0 (1.2 = 1.2.0.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff > 0 ? 1 : -1;
  }
  return 0;
}

export async function checkInstalled(context: PreflightContext): Promise<PreflightResult> {
  const result = await withRetry(
    () => context.client.retrieveMultipleRecords('solution', SOLUTION_OPTIONS),
    context.retry,
  );
  const row = result.entities[0];
  const importing = context.solutionVersion;
  if (!row)
    return {
      id: 'installed',
      verdict: 'ok',
      found: t('cli.preflight.installed.none'),
      action: '',
      details: { installed: null, importing },
    };
  const version = readString(row, 'version') ?? '';
  const managed = row.ismanaged === true;
  if (!/^\d+(\.\d+)*$/.test(version) || typeof row.ismanaged !== 'boolean')
    throw new Error(t('cli.preflight.unexpectedAnswer', { call: 'solutions' }));
  const details = { installed: { version, managed }, importing };
  if (!managed) {
    return {
      id: 'installed',
      verdict: 'import-fails',
      found: t('cli.preflight.installed.unmanaged', { version }),
      action: t('cli.preflight.installed.unmanagedAction'),
      details,
    };
  }
  const order = compareVersions(version, importing);
  if (order > 0) {
    return {
      id: 'installed',
      verdict: 'import-fails',
      found: t('cli.preflight.installed.newer', { version, importing }),
      action: t('cli.preflight.installed.newerAction', { version }),
      details,
    };
  }
  return {
    id: 'installed',
    verdict: 'ok',
    found: t(order === 0 ? 'cli.preflight.installed.same' : 'cli.preflight.installed.older', { version, importing }),
    action: '',
    details,
  };
}
