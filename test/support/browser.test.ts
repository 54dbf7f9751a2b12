import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseChromium, launchChromium, NoChromiumError, type BrowserHost } from './browser';

/** A machine where exactly `installed` are executable files. */
function host(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, installed: string[] = [], arch = 'x64'): BrowserHost {
  return { env, platform, arch, isExecutableFile: (file) => installed.includes(file) };
}

function failureOf(choose: () => unknown): string {
  try {
    choose();
  } catch (error) {
    expect(error).toBeInstanceOf(NoChromiumError);
    return (error as Error).message;
  }
  throw new Error('expected no Chromium to be chosen');
}

describe('choosing Chromium', () => {
  const linuxPath = { PATH: '/home/dev/bin:/usr/local/bin' };

  test('CHROMIUM_PATH comes first, even over an installed browser', () => {
    const machine = host('linux', { ...linuxPath, CHROMIUM_PATH: '/opt/chrome/chrome' }, [
      '/opt/chrome/chrome',
      '/usr/bin/chromium',
    ]);
    expect(chooseChromium(machine)).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/chrome/chrome' });
  });

  test('a CHROMIUM_PATH that is not an executable is reported, not passed over', () => {
    const message = failureOf(() =>
      chooseChromium(host('linux', { CHROMIUM_PATH: '/nowhere/chrome' }, ['/usr/bin/chromium'])),
    );
    expect(message).toContain('"/nowhere/chrome"');
    expect(message).toContain('set CHROMIUM_PATH');
  });

  test("on Linux, a browser on PATH, in PATH order, then the installers' locations outside PATH", () => {
    expect(
      chooseChromium(
        host('linux', linuxPath, ['/usr/local/bin/google-chrome', '/home/dev/bin/chromium', '/usr/bin/chromium']),
      ),
    ).toEqual({
      source: 'system',
      executablePath: '/home/dev/bin/chromium',
    });
    expect(chooseChromium(host('linux', linuxPath, ['/usr/bin/chromium', '/opt/google/chrome/chrome']))).toEqual({
      source: 'system',
      executablePath: '/usr/bin/chromium',
    });
    expect(chooseChromium(host('linux', {}, ['/opt/google/chrome/chrome']))).toEqual({
      source: 'system',
      executablePath: '/opt/google/chrome/chrome',
    });
  });

  test('on macOS and Windows, the Chrome their installers put in place', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chooseChromium(host('darwin', { PATH: '/usr/bin', HOME: '/Users/dev' }, [mac], 'arm64'))).toEqual({
      source: 'system',
      executablePath: mac,
    });
    const userChromium = '/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(chooseChromium(host('darwin', { HOME: '/Users/dev' }, [userChromium], 'arm64'))).toEqual({
      source: 'system',
      executablePath: userChromium,
    });
    const windows = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(
      chooseChromium(
        host('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local' }, [windows]),
      ),
    ).toEqual({
      source: 'system',
      executablePath: windows,
    });
  });

  test('on Linux x64 with no browser installed, the Chromium inside @sparticuz/chromium', () => {
    expect(chooseChromium(host('linux', linuxPath, []))).toEqual({ source: '@sparticuz/chromium' });
  });

  test('MBH_NO_SYSTEM_BROWSER=1 passes over the installed browser, to prove the packaged one', () => {
    expect(chooseChromium(host('linux', { ...linuxPath, MBH_NO_SYSTEM_BROWSER: '1' }, ['/usr/bin/chromium']))).toEqual({
      source: '@sparticuz/chromium',
    });
  });

  test('where nothing can run, one line saying to set CHROMIUM_PATH', () => {
    for (const machine of [
      host('darwin', { HOME: '/Users/dev' }, [], 'arm64'),
      host('win32', { PROGRAMFILES: 'C:\\Program Files' }),
      host('linux', linuxPath, [], 'arm64'),
    ]) {
      const message = failureOf(() => chooseChromium(machine));
      expect(message).not.toContain('\n');
      expect(message).toMatch(
        new RegExp(
          `No Chrome or Chromium found.*\\(this is ${machine.platform} ${machine.arch}\\): set CHROMIUM_PATH to a Chrome or Chromium`,
        ),
      );
    }
  });
});

(process.platform === 'win32' ? test.skip : test)(
  'a browser that cannot start is reported in one line saying to set CHROMIUM_PATH',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-browser-'));
    const broken = path.join(dir, 'chrome');
    fs.writeFileSync(broken, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n', {
      mode: 0o755,
    });
    try {
      const failure = await launchChromium({ source: 'CHROMIUM_PATH', executablePath: broken }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(NoChromiumError);
      const message = (failure as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain(
        `The Chromium from CHROMIUM_PATH (${broken}) could not start (error while loading shared libraries: libnss3.so)`,
      );
      expect(message).toMatch(/set CHROMIUM_PATH to a Chrome or Chromium executable that runs on this machine\.$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
