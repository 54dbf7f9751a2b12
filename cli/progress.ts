/** A progress bar on stderr, only when stderr is a terminal; nothing at all when piped or redirected. */
import type { Output } from './io';
import { t } from './text';

export class Progress {
  private shown = false;
  private last = 0;

  constructor(private readonly err: Output) {}

  get enabled(): boolean {
    return this.err.isTTY;
  }

  update(environment: string, scanned: number, estimatedTotal: number | null, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const count = scanned.toLocaleString('en-US');
    let text: string;
    if (estimatedTotal && estimatedTotal > 0) {
      const ratio = Math.min(1, scanned / estimatedTotal);
      const width = 24;
      const filled = Math.round(ratio * width);
      text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${t('cli.progress.scanned', { count, environment })}`;
    } else {
      text = t('cli.progress.scanned', { count, environment });
    }
    this.err.write(`\r\u001b[2K${text.slice(0, Math.max(20, this.err.columns - 1))}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.err.write('\r\u001b[2K');
    this.shown = false;
  }
}
