import { execFileSync } from 'child_process';
import { REPOSITORY_ROOT } from './shared-reference';

/** A piece of code and where it would live (a path relative to the repository root; the file need not exist). */
export interface LintProbe {
  code: string;
  path: string;
}

/**
 * The rule ids the repository's ESLint config reports for each probe. ESLint's flat config loads through dynamic
 * import, which jest's VM lacks: lint in one plain Node process.
 */
export function lintRuleIds(probes: readonly LintProbe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(REPOSITORY_ROOT)} });
      const out = [];
      for (const probe of probes) {
        const [result] = await eslint.lintText(probe.code, { filePath: path.join(${JSON.stringify(REPOSITORY_ROOT)}, probe.path) });
        out.push(result.messages.map((m) => m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }),
  );
}
