/**
 * One HTTP emulator for a test file or describe block: started before its tests, closed after them, and its faults
 * cleared after each test, so that a fault one test injects never reaches the next. Tests that change the emulator's
 * data for good (Test & Enable fixes a mailbox) ask for a fresh one for each test instead.
 */
import { startEmulator, type Emulator, type EmulatorOptions } from '../../simulator/http/server';
import { loadSampleEnvironment, type SampleEnvironment } from '../../sandbox/load-sample-environment';

/** What the hooks started: read it in tests and hooks, never while the file loads (nothing has started then). */
export interface RunningEmulator {
  readonly emulator: Emulator;
}

export interface RunningSampleEmulator extends RunningEmulator {
  readonly environment: SampleEnvironment;
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The emulator starts in beforeAll: read it in a test or a hook.');
  return value;
}

export interface EmulatorLifecycle {
  /** Start and close one emulator for each test rather than one for all the tests of the block. */
  freshEachTest?: boolean;
  /** Adjusts the started emulator (its store) before the tests read it. */
  prepare?: (emulator: Emulator) => void | Promise<void>;
}

/** `options` is called as each emulator starts (in beforeAll, or beforeEach), so a data set built there is its own. */
export function useEmulator(options: () => EmulatorOptions, lifecycle: EmulatorLifecycle = {}): RunningEmulator {
  let emulator: Emulator | undefined;
  const [start, close] = lifecycle.freshEachTest ? [beforeEach, afterEach] : [beforeAll, afterAll];
  start(async () => {
    emulator = await startEmulator(options());
    await lifecycle.prepare?.(emulator);
  });
  close(async () => {
    await emulator?.close();
  });
  afterEach(() => {
    emulator?.faults.clear();
  });
  return {
    get emulator() {
      return started(emulator);
    },
  };
}

/** The sandbox's sample environment (its data and caller), with the test's own `options` on top. */
export function useSampleEmulator(
  options: (environment: SampleEnvironment) => Partial<EmulatorOptions> = () => ({}),
  lifecycle: EmulatorLifecycle = {},
): RunningSampleEmulator {
  let environment: SampleEnvironment | undefined;
  const running = useEmulator(() => {
    environment = loadSampleEnvironment();
    return { data: environment.data, callerId: environment.callerId, ...options(environment) };
  }, lifecycle);
  return {
    get emulator() {
      return running.emulator;
    },
    get environment() {
      return started(environment);
    },
  };
}
