/**
 * The CLI's streams. Every write goes through the redaction of the secrets the run knows (the Dataverse token, the
 * client secret, the webhook URL and its parts, every token acquired), so a secret cannot reach stdout or stderr even
 * by accident (an error message that quotes a URL, say).
 */
import type { Sleep } from '../diagnostics';
import type { Env } from './http/fetch';
import type { Fetch } from './http/webapi';

export interface Stream {
  write(text: string): unknown;
  /** A Node Writable whose buffer is full: it emits 'drain' when it has taken what it holds. */
  writableNeedDrain?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  env: Env;
  stdout: Stream;
  stderr: Stream;
  /** Seams for tests and the benchmark; production uses the defaults. */
  fetch?: Fetch;
  sleep?: Sleep;
  pollIntervalMs?: number;
  testEnableTimeoutMs?: number;
  pageSize?: number;
  now?: () => Date;
  cwd?: string;
}

const MIN_SECRET_LENGTH = 6;
const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined | null): void {
    if (!secret) return;
    const trimmed = secret.trim();
    if (trimmed.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(trimmed);
    // The same secret URL-encoded or as JSON would still be the secret.
    this.secrets.add(encodeURIComponent(trimmed));
    this.secrets.add(JSON.stringify(trimmed).slice(1, -1));
  }

  /** A webhook URL: the whole URL, its path and its query each count as secret. */
  addUrl(raw: string): void {
    this.add(raw);
    try {
      const url = new URL(raw);
      if (url.pathname.length > 1) this.add(url.pathname);
      if (url.search.length > 1) this.add(url.search.slice(1));
      for (const [, value] of url.searchParams) this.add(value);
    } catch {
      // Not a URL: the raw text is redacted.
    }
  }

  apply(text: string): string {
    let result = text;
    // Longest first, so a URL is replaced whole before its parts.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }
}

export class Output {
  constructor(
    private readonly stream: Stream,
    private readonly redactor: Redactor,
  ) {}

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  get columns(): number {
    return this.stream.columns ?? 80;
  }

  write(text: string): void {
    this.stream.write(this.redactor.apply(text));
  }

  /** Waits while the stream's buffer is full (a slow pipe), so a long output is never held in memory. */
  async drained(): Promise<void> {
    const { stream } = this;
    if (stream.writableNeedDrain === true && stream.once)
      await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }

  line(text = ''): void {
    this.write(`${text}\n`);
  }
}
