/**
 * Preflight 3: every privilege the shipped role names exists in this environment. The import resolves a role's
 * privileges by name, and one unknown name fails the whole import. Read from the privilege table
 * (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/privilege), whose canbeglobal
 * (and its siblings) also says whether the depth the role asks for is allowed.
 */
import { odataOptions, odataString, readString, withRetry } from '../../diagnostics';
import { DIAGNOSTICIAN_ROLE } from '../../tools/solution/components';
import { t } from '../text';
import { resultsFor, type PreflightContext, type PreflightResult } from './types';

const DEPTH_COLUMNS = { Basic: 'canbebasic', Local: 'canbelocal', Deep: 'canbedeep', Global: 'canbeglobal' } as const;

export function privilegeOptions(names: readonly string[]): string {
  return odataOptions({
    select: ['name', ...Object.values(DEPTH_COLUMNS)],
    filter: names.map((name) => `name eq ${encodeURIComponent(odataString(name))}`).join(' or '),
  });
}

export async function checkRolePrivileges(context: PreflightContext): Promise<PreflightResult> {
  const wanted = DIAGNOSTICIAN_ROLE.privileges;
  const result = await withRetry(
    () => context.client.retrieveMultipleRecords('privilege', privilegeOptions(wanted.map((p) => p.name))),
    context.retry,
  );
  const byName = new Map(result.entities.map((row) => [(readString(row, 'name') ?? '').toLowerCase(), row]));
  const unknown = wanted.filter((p) => !byName.has(p.name.toLowerCase())).map((p) => p.name);
  const wrongDepth = wanted
    .filter((p) => byName.get(p.name.toLowerCase())?.[DEPTH_COLUMNS[p.depth]] === false)
    .map((p) => `${p.name} (${p.depth})`);
  const details = { role: DIAGNOSTICIAN_ROLE.name, unknown, depthNotAllowed: wrongDepth };
  const verdict = resultsFor('privileges', details);
  if (unknown.length > 0) {
    return verdict(
      'import-fails',
      t('cli.preflight.privileges.unknown', { names: unknown.join(', ') }),
      t('cli.preflight.privileges.unknownAction'),
    );
  }
  if (wrongDepth.length > 0) {
    return verdict(
      'warning',
      t('cli.preflight.privileges.depth', { names: wrongDepth.join(', ') }),
      t('cli.preflight.privileges.depthAction'),
    );
  }
  return verdict('ok', t('cli.preflight.privileges.ok', { count: wanted.length, role: DIAGNOSTICIAN_ROLE.name }));
}
