/** @jest-environment jsdom */
import './setup';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { en } from '../../diagnostics';
import { hostFromContext, readCaller, readRecord, readWebApi } from '../../MailboxHealthControl/model/host';
import { createStrings } from '../../MailboxHealthControl/model/strings';
import { panelEn } from '../../MailboxHealthControl/strings/panel.en';
import { themeFromDesignLanguage } from '../../MailboxHealthControl/model/theme';
import { createDateFormatter, relativeTime } from '../../MailboxHealthControl/model/time';
import { formatEvidenceValue, type ViewContext } from '../../MailboxHealthControl/model/view-model';
import { generateResx, RESX_PATH } from '../../scripts/generate-resx';
import { fleetEn } from '../../webresources/fleet/strings.en';
import { ribbonEn } from '../../webresources/ribbon/strings.en';
import { fake, IDS, now } from './harness';
import { formatDateShort, mockContext, resxGetString } from './mock-context';

const root = resolve(__dirname, '..', '..');
const strings = createStrings(resxGetString);
const ctx: ViewContext = {
  strings,
  dates: createDateFormatter({ offsetMinutes: () => 60, formatShort: (d) => formatDateShort(d, true) }),
  now: now(),
};

describe('strings', () => {
  it('reads every string, engine and panel alike, from the resx through the host', () => {
    const s = createStrings((key) => (key === 'panel.action.runAgain' ? 'Nochmals ausführen' : resxGetString(key)));
    expect(s.t('panel.action.runAgain')).toBe('Nochmals ausführen');
    expect(s.t('panel.action.retry')).toBe('Retry');
    expect(s.message({ key: 'panel.header.diagnosedAt', params: { time: 'now' } })).toBe('Diagnosed now');
    expect(s.message({ key: 'check.approval.title' })).toBe('Mailbox approval');
  });

  it('has no English of its own: a key the resx lacks shows as the key, as getString answers it', () => {
    const s = createStrings((key) => (key === 'panel.action.retry' ? '' : key));
    expect(s.t('panel.action.retry')).toBe('panel.action.retry');
    expect(s.has('panel.action.retry')).toBe(false);
    expect(s.message({ key: 'check.approval.title' })).toBe('check.approval.title');
    expect(createStrings().t('panel.check.startHere')).toBe('panel.check.startHere');
  });

  it('survives a host whose getString throws', () => {
    const s = createStrings(() => {
      throw new Error('no resx');
    });
    expect(s.t('panel.check.startHere')).toBe('panel.check.startHere');
    expect(s.has('panel.check.startHere')).toBe(false);
  });

  it('the committed resx is exactly what the generator makes from the catalogue, manifest keys included', () => {
    expect(readFileSync(RESX_PATH, 'utf8')).toBe(generateResx());
    const manifest = readFileSync(join(root, 'MailboxHealthControl', 'ControlManifest.Input.xml'), 'utf8');
    const keys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(Object.keys(panelEn)).toContain(key);
  });

  it('escapes XML in the resx', () => {
    expect(generateResx({ 'a.b': 'Tom & "Jerry" <x>' })).toContain(
      '<value>Tom &amp; &quot;Jerry&quot; &lt;x&gt;</value>',
    );
  });
});

describe("the resx as the engine's catalogue (the control bundle carries no English)", () => {
  it("answers the engine's lookups from the resx: values, and whether a key exists", () => {
    const { catalogue } = createStrings((key) =>
      key === 'check.approval.title' ? 'Mailbox approval' : key === 'empty' ? '' : key,
    );
    expect(catalogue['check.approval.title']).toBe('Mailbox approval');
    // getString answers the key itself (or '') when the resx has no entry: that is "unknown".
    expect(catalogue['option.mailbox.statecode.99']).toBeUndefined();
    expect(catalogue.empty).toBeUndefined();
  });

  it("labels an option value the resx does not know with the resx's own unknown-value words, when rendering", () => {
    const unknownValue = createStrings((key) => (key === 'option.unknown' ? 'Valeur inconnue ({value})' : key));
    expect(
      formatEvidenceValue(
        { kind: 'option', optionSet: 'mailbox.incomingemaildeliverymethod', value: 99 },
        { ...ctx, strings: unknownValue },
      ),
    ).toBe('Valeur inconnue (99)');
  });

  it("holds every key the engine and the panel can ask for, and none of the other surfaces' strings", () => {
    const resx = readFileSync(RESX_PATH, 'utf8');
    const names = new Set([...resx.matchAll(/<data name="([^"]+)"/g)].map((m) => m[1]));
    for (const key of [...Object.keys(en), ...Object.keys(panelEn)])
      expect(names.has(key) ? key : `missing ${key}`).toBe(key);
    for (const key of [...Object.keys(ribbonEn), ...Object.keys(fleetEn)])
      expect(names.has(key) ? `shipped ${key}` : key).toBe(key);
  });
});

describe('dates', () => {
  it("shows an instant in the user's Dataverse time zone, not the browser's", () => {
    const utcPlus2 = createDateFormatter({ offsetMinutes: () => 120, formatShort: (d) => formatDateShort(d, true) });
    expect(utcPlus2.format('2026-11-27T22:30:00Z')).toBe('2026-11-28 00:30');
    const minus5 = createDateFormatter({ offsetMinutes: () => -300, formatShort: (d) => formatDateShort(d, true) });
    expect(minus5.format('2026-11-27T02:00:00Z')).toBe('2026-11-26 21:00');
  });

  it('falls back to the browser locale at the user offset, offset spelled out, without the host formatter', () => {
    const wall = new Date('2026-11-27T17:30:00Z').toLocaleString(undefined, {
      timeZone: 'UTC',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    expect(createDateFormatter({ offsetMinutes: () => 330 }).format('2026-11-27T12:00:00Z')).toBe(
      `${wall} (UTC+05:30)`,
    );
    expect(createDateFormatter().format('not a date')).toBeNull();
  });

  it('says relative time both ways', () => {
    const at = new Date('2026-11-27T12:00:00Z');
    expect(relativeTime('2026-11-27T11:59:50Z', at, strings)).toBe('just now');
    expect(relativeTime('2026-11-27T11:45:00Z', at, strings)).toBe('15 min ago');
    expect(relativeTime('2026-11-27T16:00:00Z', at, strings)).toBe('in 4 h');
    expect(relativeTime('2026-11-20T12:00:00Z', at, strings)).toBe('7 days ago');
    expect(relativeTime('2026-11-27T12:04:00Z', at, strings)).toBe('in 4 min');
  });
});

describe('evidence values', () => {
  it("prefers Dataverse's option label, else the catalogue's, else says the value is unknown", () => {
    expect(
      formatEvidenceValue(
        {
          kind: 'option',
          optionSet: 'mailbox.incomingemaildeliverymethod',
          value: 2,
          label: 'Synchronisation côté serveur',
        },
        ctx,
      ),
    ).toBe('Synchronisation côté serveur');
    expect(
      formatEvidenceValue({ kind: 'option', optionSet: 'mailbox.incomingemaildeliverymethod', value: 2 }, ctx),
    ).toBe('Server-Side Synchronization');
    expect(
      formatEvidenceValue({ kind: 'option', optionSet: 'mailbox.incomingemaildeliverymethod', value: 99 }, ctx),
    ).toContain('99');
  });

  it('dates carry the user time and the relative time', () => {
    expect(formatEvidenceValue({ kind: 'datetime', iso: '2026-11-27T11:00:00Z' }, ctx)).toBe(
      '2026-11-27 12:00 (1 h ago)',
    );
  });
});

describe('theme', () => {
  it('uses the default theme when the app gives no Fluent design language', () => {
    const { theme, status } = themeFromDesignLanguage(undefined);
    expect(theme.palette.themePrimary).toBe('#0078d4');
    expect(status.danger).toBe('#a4262c');
  });

  it('maps the v9 tokens it uses onto a v8 theme, and keeps defaults for the rest', () => {
    const { theme, status } = themeFromDesignLanguage({
      tokenTheme: {
        colorBrandBackground: '#8a2be2',
        colorNeutralForeground1: '#111111',
        colorNeutralBackground1: '#fafafa',
        colorStatusDangerForeground1: '#b10e1c',
        fontFamilyBase: 'Segoe UI Variable',
      },
      isDarkTheme: false,
    });
    expect(theme.palette.themePrimary).toBe('#8a2be2');
    expect(theme.palette.neutralPrimary).toBe('#111111');
    expect(theme.semanticColors.bodyBackground).toBe('#fafafa');
    expect(theme.fonts.medium.fontFamily).toBe('Segoe UI Variable');
    expect(status.danger).toBe('#b10e1c');
    expect(status.success).toBe('#107c10');
  });

  it('ignores malformed design state', () => {
    expect(themeFromDesignLanguage({ tokenTheme: 42 as unknown as object }).theme.palette.themePrimary).toBe('#0078d4');
    expect(themeFromDesignLanguage({ isDarkTheme: true }).status.danger).toBe('#f1707b');
  });
});

describe('host', () => {
  it('reads the record from the form context and normalises the id', () => {
    expect(
      readRecord({ contextInfo: { entityId: '{1F0E3C1A-5B6D-4E7F-8A9B-0C1D2E3F4A01}', entityTypeName: 'mailbox' } }),
    ).toEqual({
      id: IDS.mailbox,
      entityTypeName: 'mailbox',
    });
    expect(readRecord({})).toEqual({ id: null, entityTypeName: null });
    expect(readRecord(undefined)).toEqual({ id: null, entityTypeName: null });
  });

  it('takes context.webAPI as the engine port unchanged', () => {
    const port = fake();
    expect(readWebApi(port)).toBe(port);
    expect(readWebApi({ retrieveRecord: () => undefined })).toBeNull();
    const host = hostFromContext(mockContext({ webAPI: port, entityId: IDS.mailbox }));
    expect(host.webApi).toBe(port);
    expect(host.recordId).toBe(IDS.mailbox);
  });

  it('reads the signed-in user from context.userSettings.userId; whether they are an administrator stays unknown', () => {
    expect(readCaller('{3B2C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D01}')).toEqual({
      userId: IDS.user,
      systemAdministrator: null,
    });
    expect(readCaller(IDS.user)).toEqual({ userId: IDS.user, systemAdministrator: null });
    for (const missing of [undefined, null, '', '  ', '{00000000-0000-0000-0000-000000000000}', 42])
      expect(readCaller(missing)).toBeUndefined();
    const host = hostFromContext(
      mockContext({ webAPI: fake(), entityId: IDS.mailbox, userId: `{${IDS.approver.toUpperCase()}}` }),
    );
    expect(host.caller).toEqual({ userId: IDS.approver, systemAdministrator: null });
  });
});

describe('source rules', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'generated') return [];
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  it('renders no markup from strings and imports nothing the platform would not provide', () => {
    for (const file of files(join(root, 'MailboxHealthControl'))) {
      const source = readFileSync(file, 'utf8');
      expect(`${file}: ${/dangerouslySetInnerHTML|innerHTML/.test(source)}`).toBe(`${file}: false`);
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]).filter((m) => !m.startsWith('.'));
      for (const name of imports)
        expect([file, name]).toEqual([file, expect.stringMatching(/^(react|@fluentui\/react)$/)]);
      expect(`${file}: ${/initializeIcons/.test(source)}`).toBe(`${file}: false`);
    }
  });
});
