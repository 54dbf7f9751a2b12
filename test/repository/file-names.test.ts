/**
 * One file-naming style: modules are kebab-case (`scan-groups.ts`, `fake-web-api.ts`); a React component's file is
 * named as the component (`MailboxHealthPanel.tsx`). Generated files are left as their generators name them.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../support/shared-reference';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/;
const COMPONENT = /^[A-Z][A-Za-z0-9]*\.tsx$/;

function trackedCode(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file) && !file.endsWith('.d.ts'));
}

export function misnamed(files: readonly string[]): string[] {
  return files.filter((file) => {
    const name = path.posix.basename(file);
    if (file.includes('/components/') && COMPONENT.test(name)) return false;
    return !KEBAB.test(name);
  });
}

/** Modules whose name a JSON file or script of the same folder also has: Node (and ts-node) would load that one instead. */
export function shadowed(files: readonly string[]): string[] {
  const stem = (file: string) => file.replace(/\.(ts|tsx|js|mjs|cjs|json)$/, '');
  const others = new Set(files.filter((file) => /\.(js|json)$/.test(file)).map(stem));
  return files.filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts') && others.has(stem(file)));
}

describe('file names', () => {
  it('tells the styles apart', () => {
    expect(misnamed(['cli/scan-groups.ts', 'a/components/CheckItem.tsx', 'test/x.test.tsx'])).toEqual([]);
    expect(misnamed(['sandbox/pageServer.ts', 'a/CheckItem.tsx', 'cli/Scan_Groups.ts'])).toEqual([
      'sandbox/pageServer.ts',
      'a/CheckItem.tsx',
      'cli/Scan_Groups.ts',
    ]);
  });

  it('finds a module that a JSON file beside it would shadow', () => {
    expect(shadowed(['sandbox/sample.ts', 'sandbox/sample.json', 'cli/a.ts', 'cli/b.json'])).toEqual([
      'sandbox/sample.ts',
    ]);
  });

  it('no module shares its name with a JSON file or script beside it', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }).split('\0');
    expect(shadowed(files)).toEqual([]);
  });

  it('every module of the repository is kebab-case, every component file named as its component', () => {
    const files = trackedCode();
    expect(files.length).toBeGreaterThan(100);
    expect(misnamed(files)).toEqual([]);
  });
});
