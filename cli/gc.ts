/**
 * A full garbage collection between mailbox pages. Each page (5,000 rows) lives long enough to be promoted to V8's
 * old space, and V8 lets old space grow far before collecting it; collecting once per page keeps a 100,000-mailbox
 * scan flat (~40 ms per page). `gc` is exposed at run time (no node flag needed in the bin's shebang); if that is not
 * possible, nothing happens.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collector: (() => void) | undefined | null = null;

export function collectGarbage(): void {
  if (collector === null) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as () => void) : undefined;
    } catch {
      collector = undefined;
    }
  }
  collector?.();
}
