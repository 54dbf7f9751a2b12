/**
 * What an asynchronous answer may still touch when it arrives: React 16 warns about (and the tests fail on) a state
 * update after unmount, and an answer overtaken by a newer run must not replace the newer one.
 */
import * as React from 'react';
import { toDataverseError } from '../../diagnostics';

export interface RunGuard {
  /** False once the component has unmounted. */
  alive(): boolean;
  /** Starts a run; the function it returns stays true while the component is mounted and no later run has begun. */
  begin(): () => boolean;
}

export function useRunGuard(): RunGuard {
  const mounted = React.useRef(true);
  const latest = React.useRef(0);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return React.useMemo(
    () => ({
      alive: () => mounted.current,
      begin: () => {
        const mine = ++latest.current;
        return () => mounted.current && mine === latest.current;
      },
    }),
    [],
  );
}

/** The latest value of a prop, for a callback that runs later without being recreated (and re-run) on each render. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = React.useRef(value);
  ref.current = value;
  return ref;
}

/** Why an engine call failed, in words: a host's error object (Xrm's ErrorResponse or an Error) gives its message. */
export function failureReason(error: unknown): string {
  return toDataverseError(error).message;
}
