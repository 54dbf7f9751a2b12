/**
 * Full garbage collections during a scan. Each mailbox page (5,000 rows) lives long enough to be promoted to V8's old
 * space, and V8 lets old space grow far before collecting it: collected after each page, and whenever the heap has
 * grown by GARBAGE_SLACK since the last collection (evaluating mailboxes and writing them out leaves garbage at a rate
 * that depends on the fleet), a 100,000-mailbox scan stays flat (~30 ms a collection). `gc` is exposed at run time (no
 * node flag needed in the bin's shebang); if that is not possible, nothing happens.
 *
 * The bin also keeps V8's young generation at its first size (1 MB) instead of letting it grow to 2 × 16 MB: a scan
 * allocates fast but keeps little, so the larger young generation was mostly resident garbage (20 to 35 MB of peak RSS
 * on 100,000 mailboxes) for a few seconds of collection time saved.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Called once by the bin, before the heap grows (V8 reads this flag each time it would grow the young generation). */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** Heap growth tolerated between collections. */
export const GARBAGE_SLACK = 32 * 1024 * 1024;

let collector: (() => void) | undefined | null = null;
let usedAfterLast = 0;

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
  if (!collector) return;
  collector();
  usedAfterLast = v8.getHeapStatistics().used_heap_size;
}

/** Collects when the heap has grown by more than GARBAGE_SLACK since the last collection; cheap to call often. */
export function collectGarbageIfGrown(): void {
  if (v8.getHeapStatistics().used_heap_size - usedAfterLast > GARBAGE_SLACK) collectGarbage();
}
