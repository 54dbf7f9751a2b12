/**
 * Values kept on disk until what must precede them is known: the table, markdown and HTML write their summary first,
 * and the summary needs the whole scan, so their rows wait here (one file per list: a verdict, a cause group) and are
 * read back once, in order. Memory holds one small buffer per list, whatever the number of rows.
 *
 * The files are in a folder of their own under the system's temp folder, readable by this user only (the rows hold
 * mailbox names and addresses), one JSON value per line; dispose() deletes the folder, and removeSpools() any left
 * when the process is ended early.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';

/** Written to disk in chunks of about this size. */
const FLUSH_CHARS = 64 * 1024;

/** Every spool folder not yet deleted: removeSpools() deletes them when the process is ended early. */
const liveFolders = new Set<string>();

/** Deletes every spool folder still there (the bin calls this on exit: Ctrl+C, a closed pipe). */
export function removeSpools(): void {
  for (const folder of liveFolders) fs.rmSync(folder, { recursive: true, force: true });
  liveFolders.clear();
}

interface SpoolFile {
  path: string;
  fd: number | null;
  pending: string[];
  pendingChars: number;
}

export class Spool {
  private dir: string | null = null;
  private readonly files = new Map<string, SpoolFile>();

  /** The spool's folder once something was appended (null before, and after dispose). */
  get folder(): string | null {
    return this.dir;
  }

  private file(key: string): SpoolFile {
    let file = this.files.get(key);
    if (!file) {
      if (this.dir === null) {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-health-scan-'));
        liveFolders.add(this.dir);
      }
      const name = path.join(this.dir, `${this.files.size}.jsonl`);
      file = { path: name, fd: fs.openSync(name, 'w', 0o600), pending: [], pendingChars: 0 };
      this.files.set(key, file);
    }
    return file;
  }

  private flush(file: SpoolFile): void {
    if (file.pending.length === 0 || file.fd === null) return;
    fs.writeSync(file.fd, file.pending.join(''));
    file.pending = [];
    file.pendingChars = 0;
  }

  append(key: string, value: unknown): void {
    const file = this.file(key);
    if (file.fd === null) throw new Error(`spool ${key} is already being read`);
    const line = `${JSON.stringify(value)}\n`;
    file.pending.push(line);
    file.pendingChars += line.length;
    if (file.pendingChars >= FLUSH_CHARS) this.flush(file);
  }

  /** The values appended under `key`, in order (none if nothing was). After this, nothing more can be appended. */
  async *read<T>(key: string): AsyncGenerator<T> {
    const file = this.files.get(key);
    if (!file) return;
    this.flush(file);
    if (file.fd !== null) fs.closeSync(file.fd);
    file.fd = null;
    const lines = readline.createInterface({
      input: fs.createReadStream(file.path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as T;
  }

  /** Closes and deletes every file. */
  dispose(): void {
    for (const file of this.files.values()) {
      if (file.fd !== null) fs.closeSync(file.fd);
      file.fd = null;
    }
    this.files.clear();
    if (this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
      liveFolders.delete(this.dir);
    }
    this.dir = null;
  }
}
