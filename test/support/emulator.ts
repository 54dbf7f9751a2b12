/**
 * One HTTP emulator for a test file or describe block: started before its tests, closed after them, and its faults
 * cleared after each test, so that a fault one test injects never reaches the next.
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

/** `options` is called in beforeAll, so a data set built there is fresh for this file. */
export function useEmulator(options: () => EmulatorOptions): RunningEmulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options());
  });
  afterAll(async () => {
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
): RunningSampleEmulator {
  let environment: SampleEnvironment | undefined;
  const running = useEmulator(() => {
    environment = loadSampleEnvironment();
    return { data: environment.data, callerId: environment.callerId, ...options(environment) };
  });
  return {
    get emulator() {
      return running.emulator;
    },
    get environment() {
      return started(environment);
    },
  };
}
