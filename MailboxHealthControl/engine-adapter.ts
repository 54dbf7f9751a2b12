/**
 * The real engine behind the panel's PanelEngine interface. The context's webAPI is the engine's port as is; the
 * adapter only renders the engine's messages through the control's strings.
 */
import { diagnoseMailbox, explainEmailTracking, renderReport, testAndEnable, type Sleep } from '../diagnostics';
import type { PanelEngine } from './model/engine';

export interface EngineOptions {
  /** The clock the diagnosis judges recency by (tests pin it to the fixtures' now). */
  now?: () => Date;
  /** How Test & Enable waits between polls (tests make it instant). */
  sleep?: Sleep;
  pollIntervalMs?: number;
}

export function createEngine(options: EngineOptions = {}): PanelEngine {
  return {
    diagnose: (port, mailboxId, caller) =>
      diagnoseMailbox(port, mailboxId, { now: options.now, sleep: options.sleep, ...(caller ? { caller } : {}) }),
    async testAndEnable(port, mailboxId, onProgress, strings) {
      const result = await testAndEnable(port, mailboxId, {
        onProgress: ({ phase, elapsedMs }) => onProgress({ phase, elapsedMs }),
        sleep: options.sleep,
        pollIntervalMs: options.pollIntervalMs,
      });
      return { outcome: result.outcome, summary: strings.message(result.summary) };
    },
    async explainTracking(port, report, address, strings) {
      const answer = await explainEmailTracking(port, report.tracking, address, { sleep: options.sleep });
      const table = (name: string): string => {
        const key = `table.${name}`;
        return strings.has(key) ? strings.t(key) : name;
      };
      const details = answer.matches.map((m) =>
        strings.t('panel.tracking.match', { table: table(m.table), name: m.name ?? m.id }),
      );
      if (answer.unreadable.length > 0)
        details.push(strings.t('panel.tracking.unreadable', { tables: answer.unreadable.map(table).join(', ') }));
      return {
        verdict: answer.tracked,
        reason: strings.message(answer.reason),
        details,
        note: strings.message(answer.note),
      };
    },
    renderReport: (report, format, catalogue) => renderReport(report, format, { catalogue }),
  };
}

export const realEngine: PanelEngine = createEngine();
