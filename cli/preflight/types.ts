/**
 * The preflight's shared shapes. Each check reads (never writes) one fact the solution depends on and says what it
 * found, a verdict, and what to do. The verdicts map to the exit code: import-fails → 3, a check that could not
 * complete → 1, will-not-work → 2, otherwise 0 (warning and unknown never block: unknown is what no public source
 * settles, and it is never reported as a pass).
 */
import type { RetryOptions } from '../../diagnostics';
import type { HttpPort } from '../http/webapi';

export type PreflightVerdict = 'ok' | 'warning' | 'unknown' | 'will-not-work' | 'import-fails' | 'error';

export type PreflightCheckId =
  'form' | 'ribbon-form' | 'ribbon-grid' | 'privileges' | 'access' | 'installed' | 'platform';

export interface PreflightResult {
  id: PreflightCheckId;
  verdict: PreflightVerdict;
  /** What the environment answered, in a sentence. */
  found: string;
  /** What to do about it; empty when nothing. */
  action: string;
  /** Machine-readable facts for --format json (names, ids, versions). */
  details?: Record<string, unknown>;
}

/** A check's results share its id and its details; each verdict adds what was found and what to do (empty: nothing). */
export function resultsFor(id: PreflightCheckId, details?: Record<string, unknown>) {
  return (verdict: PreflightVerdict, found: string, action = ''): PreflightResult => ({
    id,
    verdict,
    found,
    action,
    ...(details ? { details } : {}),
  });
}

export interface PreflightContext {
  client: HttpPort;
  retry: RetryOptions;
  /** The version of the solution about to be imported (four parts). */
  solutionVersion: string;
}

export type PreflightCheck = (context: PreflightContext) => Promise<PreflightResult>;
