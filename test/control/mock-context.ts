/**
 * One mock PCF context for every control test. Its webAPI is whatever port the test passes: always the engine's
 * schema-checked fake (optionally wrapped to hold or fail calls), so the control runs the real engine end to end.
 */
import type { WebApiPort } from '../../diagnostics';
import type { IInputs } from '../../MailboxHealthControl/generated/ManifestTypes';
import { CONTROL_CATALOGUE } from '../../scripts/generate-resx';
import { formatDateShort } from './format-date';

export { formatDateShort };

/**
 * context.resources.getString as the platform answers it from the control's resx: the string, or the key itself when
 * the resx has no entry. The resx is generated from CONTROL_CATALOGUE (a test fails when it is stale).
 */
export function resxGetString(key: string): string {
  return CONTROL_CATALOGUE[key] ?? key;
}

export interface MockContextOptions {
  /** The port; null = the host has no Web API. */
  webAPI: WebApiPort | null;
  /** The form's record id; null = a new, unsaved record. */
  entityId: string | null;
  entityTypeName?: string;
  emailAddress?: string | null;
  /** The user's Dataverse time zone offset from UTC in minutes (default +60). */
  offsetMinutes?: number;
  fluentDesignLanguage?: unknown;
  /** resx entries that differ from the generated resx (a translation, a missing entry as ''). */
  resx?: Record<string, string>;
  allocatedWidth?: number;
  /** context.userSettings.userId, as the platform gives it ("{GUID}"); default: a user who owns no test mailbox. */
  userId?: string;
}

export function mockContext(options: MockContextOptions): ComponentFramework.Context<IInputs> {
  const offset = options.offsetMinutes ?? 60;
  const context = {
    parameters: {
      emailAddress: {
        raw: options.emailAddress ?? null,
        formatted: options.emailAddress ?? '',
        type: 'SingleLine.Email',
      },
    },
    mode: {
      allocatedWidth: options.allocatedWidth ?? 340,
      allocatedHeight: -1,
      isControlDisabled: false,
      isVisible: true,
      label: 'Mailbox health',
      trackContainerResize: jest.fn(),
      setControlState: jest.fn(),
      setFullScreen: jest.fn(),
      contextInfo: {
        entityId: options.entityId ?? '',
        entityTypeName: options.entityTypeName ?? 'mailbox',
        entityRecordName: '',
      },
    },
    resources: {
      getString: (key: string) => options.resx?.[key] ?? resxGetString(key),
      getResource: jest.fn(),
    },
    userSettings: {
      getTimeZoneOffsetMinutes: () => offset,
      languageId: 1033,
      isRTL: false,
      userId: options.userId ?? '{00000000-0000-0000-0000-000000000001}',
      userName: 'Test Admin',
      securityRoles: [],
    },
    formatting: { formatDateShort },
    fluentDesignLanguage: options.fluentDesignLanguage,
    ...(options.webAPI ? { webAPI: options.webAPI } : {}),
  };
  return context as unknown as ComponentFramework.Context<IInputs>;
}

/** A port whose calls wait until release(): lets a test see loading, or a response arriving late. */
export function heldPort(port: WebApiPort): { port: WebApiPort; release(): void; calls: () => number } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let calls = 0;
  const hold =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      calls++;
      await gate;
      return fn(...args);
    };
  return {
    port: {
      retrieveRecord: hold(port.retrieveRecord.bind(port)),
      retrieveMultipleRecords: hold(port.retrieveMultipleRecords.bind(port)),
      updateRecord: hold(port.updateRecord.bind(port)),
    },
    release: () => open(),
    calls: () => calls,
  };
}

/** A port that fails every call with the error a host throws (Xrm.WebApi's ErrorResponse shape). */
export function failingPort(error: { errorCode: number; message: string }): WebApiPort {
  const fail = (): Promise<never> => Promise.reject(error);
  return { retrieveRecord: fail, retrieveMultipleRecords: fail, updateRecord: fail };
}
