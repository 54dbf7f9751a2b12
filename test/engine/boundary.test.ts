import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';
import { lintRuleIds, type LintProbe } from '../support/lint';
import { REPOSITORY_ROOT } from '../support/shared-reference';

/**
 * Imports go one way: hosts, tools and tests → diagnostics/index.ts → the engine's modules, and inside the engine only
 * diagnose.ts imports the checks. The lint rules keep it that way; this test keeps the rules honest.
 */
const RESTRICTED = 'import-x/no-restricted-paths';

const probes: [LintProbe, string | null][] = [
  [
    {
      path: 'cli/probe.ts',
      code: "import { readString } from '../diagnostics/records';\nexport const x = readString;\n",
    },
    RESTRICTED,
  ],
  [
    { path: 'cli/probe.ts', code: "import type { CheckId } from '../diagnostics/model';\nexport type X = CheckId;\n" },
    RESTRICTED,
  ],
  [
    {
      path: 'MailboxHealthControl/model/probe.ts',
      code: "import { toDataverseError } from '../../diagnostics/errors';\nexport const x = toDataverseError;\n",
    },
    RESTRICTED,
  ],
  [
    {
      path: 'test/cli/probe.ts',
      code: "import { evaluate } from '../../diagnostics/diagnose';\nexport const x = evaluate;\n",
    },
    RESTRICTED,
  ],
  [
    {
      path: 'cli/probe.ts',
      code: "import { readString, type CheckId } from '../diagnostics';\nexport const x: [typeof readString, CheckId?] = [readString];\n",
    },
    null,
  ],
  [
    {
      path: 'cli/probe.ts',
      code: "import { readString } from '../diagnostics/index';\nexport const x = readString;\n",
    },
    null,
  ],
  [
    {
      path: 'test/engine/probe.ts',
      code: "import { readString } from '../../diagnostics/records';\nexport const x = readString;\n",
    },
    null,
  ],
  [
    { path: 'diagnostics/probe.ts', code: "import { CHECKS } from './checks';\nexport const x = CHECKS;\n" },
    RESTRICTED,
  ],
  [
    {
      path: 'diagnostics/alerts/probe.ts',
      code: "import { verdictsOf } from '../checks/common';\nexport const x = verdictsOf;\n",
    },
    RESTRICTED,
  ],
  [{ path: 'diagnostics/diagnose.ts', code: "import { CHECKS } from './checks';\nexport const x = CHECKS;\n" }, null],
];

describe('one boundary', () => {
  it('lets code outside the engine import only its entry point, and only diagnose.ts import the checks', () => {
    const results = lintRuleIds(probes.map(([probe]) => probe));
    probes.forEach(([probe, rule], i) => {
      const found = results[i].filter((id) => id === RESTRICTED);
      expect([probe, found]).toEqual([probe, rule === null ? [] : [rule]]);
    });
  }, 60_000);
});

/** Every relative import of a module, type-only ones included, resolved to a file. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const base = resolve(dirname(file), specifier);
      return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    })
    .filter((target): target is string => target !== undefined);
}

function engineModules(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return engineModules(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** A cycle through the engine's modules as a list of paths, or null. Depth-first, with the path being walked. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const walking: string[] = [];
  const visit = (module: string): string[] | null => {
    const at = walking.indexOf(module);
    if (at >= 0) return [...walking.slice(at), module];
    if (done.has(module)) return null;
    walking.push(module);
    for (const next of graph.get(module) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    walking.pop();
    done.add(module);
    return null;
  };
  for (const module of graph.keys()) {
    const cycle = visit(module);
    if (cycle) return cycle;
  }
  return null;
}

describe('no cycles in the engine', () => {
  const engine = join(REPOSITORY_ROOT, 'diagnostics');
  const graph = new Map(engineModules(engine).map((file) => [file, importsOf(file)]));

  it('reads the import graph (the model is imported, the checks only by diagnose.ts)', () => {
    const importers = (target: string) =>
      [...graph]
        .filter(([, targets]) => targets.includes(join(engine, target)))
        .map(([file]) => relative(engine, file));
    expect(importers('model.ts').length).toBeGreaterThan(10);
    expect(importers('checks/index.ts')).toEqual(['diagnose.ts']);
  });

  it('has no cycle, counting type-only imports (which the lint rule leaves out)', () => {
    const cycle = findCycle(graph);
    expect(cycle && cycle.map((file) => relative(engine, file))).toBeNull();
  });

  it('finds a cycle where there is one', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', []],
          ['c', ['a', 'b']],
        ]),
      ),
    ).toBeNull();
  });
});
