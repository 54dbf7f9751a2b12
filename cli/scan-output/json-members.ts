/**
 * Reads one JSON object chunk by chunk, for documents too large to hold: an earlier scan lists up to every mailbox of
 * a fleet. The members named in `wanted` are built and handed over whole; the elements of the array member `itemsOf`
 * are built and handed over one at a time; every other value is checked and skipped without being kept. What is held
 * at once is one element or one wanted member, whatever the document's size. Anything that is not one valid JSON
 * object (cut short, trailing text, a syntax error) throws JsonStreamError.
 */

export class JsonStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

export interface MemberHandlers {
  /** Members of the top-level object to build and hand over. */
  wanted: ReadonlySet<string>;
  /** The member whose array elements are handed over one by one. */
  itemsOf: string;
  member(key: string, value: unknown): void;
  item(value: unknown): void;
}

type Expect = 'value' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'valueOrEnd';

interface Frame {
  kind: 'object' | 'array';
  expect: Expect;
  /** The member being read (objects). */
  key: string | null;
  /** The elements of this array go to item(). */
  items: boolean;
}

const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const LITERAL_CHAR = /[-+.0-9a-zA-Z]/;
const WHITESPACE = /[ \t\r\n]/;

export class JsonMembersReader {
  private readonly frames: Frame[] = [];
  private rootDone = false;
  private rootStarted = false;
  /** The values under construction: the innermost last. Empty when nothing is being built. */
  private readonly building: { container: unknown[] | Record<string, unknown>; key: string | null }[] = [];
  private capturing = false;
  /** Where the value being built goes when it is complete. */
  private deliver: ((value: unknown) => void) | null = null;
  private lexer: 'default' | 'string' | 'literal' = 'default';
  private text: string[] = [];
  private keepText = false;
  private escaped = false;
  private stringIsKey = false;
  /** Whether the `itemsOf` member was an array. */
  sawItems = false;

  constructor(private readonly handlers: MemberHandlers) {}

  feed(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.lexer === 'string') {
        // Fast path: copy a run of plain characters at once.
        let j = i;
        while (j < chunk.length && chunk[j] !== '"' && chunk[j] !== '\\' && !this.escaped) j++;
        if (j > i) {
          if (this.keepText) this.text.push(chunk.slice(i, j));
          i = j - 1;
          continue;
        }
        if (this.escaped) {
          this.escaped = false;
          if (this.keepText) this.text.push(c);
        } else if (c === '\\') {
          this.escaped = true;
          if (this.keepText) this.text.push(c);
        } else {
          this.lexer = 'default';
          this.endString();
        }
        continue;
      }
      if (this.lexer === 'literal') {
        if (LITERAL_CHAR.test(c)) {
          this.text.push(c);
          continue;
        }
        this.lexer = 'default';
        this.endLiteral();
      }
      if (WHITESPACE.test(c)) continue;
      this.token(c);
    }
  }

  end(): void {
    if (this.lexer === 'literal') {
      this.lexer = 'default';
      this.endLiteral();
    }
    if (this.lexer === 'string' || !this.rootDone) throw new JsonStreamError('the JSON ends before the document does');
  }

  private get top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private fail(what: string): never {
    throw new JsonStreamError(`unexpected ${what}`);
  }

  private token(c: string): void {
    const frame = this.top;
    if (c === '"') {
      this.stringIsKey =
        frame !== undefined && frame.kind === 'object' && (frame.expect === 'key' || frame.expect === 'keyOrEnd');
      if (!this.stringIsKey) this.beginValue();
      this.keepText = this.capturing || (this.stringIsKey && this.frames.length === 1);
      this.text = [];
      this.lexer = 'string';
      return;
    }
    if (c === '{' || c === '[') {
      this.beginValue();
      this.open(c === '{' ? 'object' : 'array');
      return;
    }
    if (c === '}' || c === ']') {
      const kind = c === '}' ? 'object' : 'array';
      if (
        !frame ||
        frame.kind !== kind ||
        !(frame.expect === 'commaOrEnd' || frame.expect === (kind === 'object' ? 'keyOrEnd' : 'valueOrEnd'))
      )
        this.fail(`'${c}'`);
      this.close();
      return;
    }
    if (c === ',') {
      if (!frame || frame.expect !== 'commaOrEnd') this.fail("','");
      frame.expect = frame.kind === 'object' ? 'key' : 'value';
      return;
    }
    if (c === ':') {
      if (!frame || frame.expect !== 'colon') this.fail("':'");
      frame.expect = 'value';
      return;
    }
    if (LITERAL_CHAR.test(c)) {
      this.beginValue();
      this.text = [c];
      this.lexer = 'literal';
      return;
    }
    this.fail(`character '${c}'`);
  }

  /** A value starts here: it must be expected, and it may be one to build. */
  private beginValue(): void {
    const frame = this.top;
    if (!frame) {
      if (this.rootStarted) this.fail('text after the document');
      this.rootStarted = true;
      return;
    }
    if (frame.expect !== 'value' && frame.expect !== 'valueOrEnd') this.fail('value');
    if (this.capturing) return;
    if (this.frames.length === 1 && frame.key !== null && this.handlers.wanted.has(frame.key)) {
      const key = frame.key;
      this.startCapture((value) => this.handlers.member(key, value));
    } else if (frame.items) {
      this.startCapture((value) => this.handlers.item(value));
    }
  }

  private startCapture(deliver: (value: unknown) => void): void {
    this.capturing = true;
    this.deliver = deliver;
  }

  /** A complete value (scalar, or a container just closed) at the current position. */
  private completeValue(value: unknown): void {
    const frame = this.top;
    if (frame) frame.expect = 'commaOrEnd';
    else this.rootDone = true;
    if (!this.capturing) return;
    const parent = this.building[this.building.length - 1];
    if (parent) {
      if (Array.isArray(parent.container)) parent.container.push(value);
      else parent.container[parent.key!] = value;
      return;
    }
    this.capturing = false;
    const deliver = this.deliver!;
    this.deliver = null;
    deliver(value);
  }

  private open(kind: 'object' | 'array'): void {
    const parent = this.top;
    if (!parent && kind !== 'object') throw new JsonStreamError('the document is not a JSON object');
    const items =
      parent !== undefined && this.frames.length === 1 && parent.key === this.handlers.itemsOf && kind === 'array';
    if (items) this.sawItems = true;
    this.frames.push({ kind, expect: kind === 'object' ? 'keyOrEnd' : 'valueOrEnd', key: null, items });
    if (this.capturing) this.building.push({ container: kind === 'object' ? {} : [], key: null });
  }

  private close(): void {
    this.frames.pop();
    if (this.capturing) {
      const done = this.building.pop()!;
      this.completeValue(done.container);
    } else {
      this.completeValue(undefined);
    }
  }

  private endString(): void {
    let value: string | undefined;
    if (this.keepText) {
      try {
        value = JSON.parse(`"${this.text.join('')}"`) as string;
      } catch {
        this.fail('string');
      }
    }
    this.text = [];
    const frame = this.top;
    if (this.stringIsKey) {
      frame!.key = value ?? null;
      frame!.expect = 'colon';
      if (this.capturing) this.building[this.building.length - 1].key = value ?? null;
      return;
    }
    if (!frame && !this.capturing) throw new JsonStreamError('the document is not a JSON object');
    this.completeValue(value);
  }

  private endLiteral(): void {
    const literal = this.text.join('');
    this.text = [];
    if (!LITERAL.test(literal)) this.fail(`'${literal}'`);
    if (!this.top) throw new JsonStreamError('the document is not a JSON object');
    this.completeValue(this.capturing ? (JSON.parse(literal) as unknown) : undefined);
  }
}
