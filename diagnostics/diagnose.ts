/**
 * One diagnosis: load the input (retrying throttled and transient requests), run every check in the debugging order,
 * and derive the verdict. A check that throws on data nobody anticipated becomes `error`, never a crashed report.
 */
import { CHECKS } from './checks';
import { LEARN } from './learn';
import { errorResult } from './checks/common';
import { trackingContext } from './tracking-explainer';
import { findingsFor } from './findings';
import { loadDiagnosisInput, type DiagnosisInput } from './input';
import { retryingPort, type RetryOptions } from './retry';
import type { WebApiPort } from './port';
import { readString } from './records';
import { CHECK_ORDER, type Caller, type CheckId, type CheckResult, type DiagnosisReport, type Verdict } from './model';

export interface DiagnoseOptions extends RetryOptions {
  now?: () => Date;
  /** The environment's base URL when the host knows it. */
  environment?: string | null;
  /** Who runs the diagnosis, when the host knows (item-level failures are visible to the owner and administrators). */
  caller?: Caller;
}

export function evaluate(input: DiagnosisInput, environment: string | null = null): DiagnosisReport {
  const checks: CheckResult[] = CHECK_ORDER.map((id) => {
    try {
      return CHECKS[id](input);
    } catch (thrown) {
      return errorResult(
        id,
        { table: 'mailbox', kind: 'unknown', detail: thrown instanceof Error ? thrown.message : String(thrown) },
        LEARN.troubleshooting,
      );
    }
  });
  const mailbox = input.mailbox.ok ? input.mailbox.value : {};
  return {
    mailbox: {
      id: input.mailboxId,
      name: readString(mailbox, 'name'),
      emailAddress: readString(mailbox, 'emailaddress'),
    },
    environment,
    diagnosedAt: input.now.toISOString(),
    overall: overallVerdict(checks),
    startHere: startHere(checks),
    checks,
    findings: safeFindings(input),
    tracking: trackingContext(input),
  };
}

/** Findings are information beside the checks: data nobody anticipated loses them, never the report. */
function safeFindings(input: DiagnosisInput) {
  try {
    return findingsFor(input);
  } catch {
    return [];
  }
}

export async function diagnoseMailbox(
  port: WebApiPort,
  mailboxId: string,
  options: DiagnoseOptions = {},
): Promise<DiagnosisReport> {
  const now = (options.now ?? (() => new Date()))();
  const input = await loadDiagnosisInput(retryingPort(port, options), mailboxId, now, options.caller);
  return evaluate(input, options.environment ?? null);
}

export function overallVerdict(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'failing';
  if (checks.some((c) => c.status === 'warn')) return 'warning';
  if (checks.some((c) => c.status === 'error')) return 'unknown';
  return 'healthy';
}

/**
 * The first failing check in the canonical order, else the first warning. A symptom explained by another check that
 * fails or warns (the root cause) hands "Start here" to that check: one story per root cause.
 */
export function startHere(checks: readonly CheckResult[]): CheckId | null {
  const ordered = [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));
  const first = ordered.find((c) => c.status === 'fail') ?? ordered.find((c) => c.status === 'warn');
  if (!first) return null;
  const cause = first.explainedBy ? ordered.find((c) => c.id === first.explainedBy) : undefined;
  return cause && (cause.status === 'fail' || cause.status === 'warn') ? cause.id : first.id;
}
