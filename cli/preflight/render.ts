/**
 * The preflight's outputs: a table (check, found, verdict, what to do) whose long cells wrap to the terminal's width,
 * and the JSON document. Text that came from Dataverse (group ids, versions) is cleaned like every CLI output.
 */
import { cleanDeep, cleanLine } from '../sanitize';
import { t } from '../text';
import type { PreflightResult, PreflightVerdict } from './types';

export interface PreflightDocument {
  environment: string;
  checkedAt: string;
  solution: { uniqueName: string; version: string };
  outcome: 'ready' | 'will-not-work' | 'import-fails' | 'incomplete';
  exitCode: number;
  checks: (PreflightResult & { title: string })[];
}

export const checkTitle = (id: PreflightResult['id']): string => t(`cli.preflight.check.${id}`);
export const verdictLabel = (verdict: PreflightVerdict): string => t(`cli.preflight.verdict.${verdict}`);

const OUTCOME_BY_EXIT: Record<number, PreflightDocument['outcome']> = {
  0: 'ready',
  1: 'incomplete',
  2: 'will-not-work',
  3: 'import-fails',
};

export function preflightDocument(
  environment: string,
  checkedAt: Date,
  solution: PreflightDocument['solution'],
  results: readonly PreflightResult[],
  exitCode: number,
): PreflightDocument {
  return cleanDeep({
    environment,
    checkedAt: checkedAt.toISOString(),
    solution,
    outcome: OUTCOME_BY_EXIT[exitCode],
    exitCode,
    checks: results.map((result) => ({ ...result, title: checkTitle(result.id) })),
  });
}

/** Words to lines of at most `width` characters; a longer word (an id to copy) keeps its own line, whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

const GAP = '  ';
const CHECK_WIDTH = 22;
const MIN_ACTION_WIDTH = 28;

const longestWord = (texts: string[]): number =>
  Math.max(0, ...texts.flatMap((text) => text.split(/\s+/).map((word) => word.length)));

/**
 * Check and verdict are narrow; found and what to do share the rest of the terminal. Ids are never cut, so the found
 * column is at least as wide as its longest word; a longer word in the last column runs past the edge instead.
 */
export function renderPreflightTable(document: PreflightDocument, columns: number): string {
  const header = [
    t('cli.preflight.col.check'),
    t('cli.preflight.col.found'),
    t('cli.preflight.col.verdict'),
    t('cli.preflight.col.action'),
  ];
  const rows = document.checks.map((check) => [
    check.title,
    cleanLine(check.found),
    verdictLabel(check.verdict),
    cleanLine(check.action),
  ]);
  const checkWidth = Math.max(
    header[0].length,
    Math.min(
      CHECK_WIDTH,
      longestWord(rows.map((row) => row[0])) > CHECK_WIDTH
        ? CHECK_WIDTH
        : Math.max(...rows.map((row) => row[0].length)),
    ),
  );
  const verdictWidth = Math.max(header[2].length, ...rows.map((row) => row[2].length));
  const free = Math.max(columns, 80) - checkWidth - verdictWidth - GAP.length * 3;
  const foundWidth = Math.max(Math.floor(free * 0.45), longestWord(rows.map((row) => row[1])), header[1].length);
  const widths = [checkWidth, foundWidth, verdictWidth, Math.max(MIN_ACTION_WIDTH, free - foundWidth)];
  const render = (cells: string[]) => {
    const wrapped = cells.map((cell, i) => wrap(cell, widths[i]));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) =>
      wrapped
        .map((lines, i) => (lines[line] ?? '').padEnd(widths[i]))
        .join(GAP)
        .trimEnd(),
    );
  };
  const out = [
    t('cli.preflight.heading', { environment: document.environment, version: document.solution.version }),
    '',
    ...render(header),
    widths.map((w) => '-'.repeat(w)).join(GAP),
    ...rows.flatMap((row) => [...render(row), '']),
    t(`cli.preflight.outcome.${document.outcome}`),
  ];
  return `${out.join('\n')}\n`;
}
