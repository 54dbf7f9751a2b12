/**
 * Preflight 4: the signed-in user can read each table the checks read (and write the mailbox for Test & Enable), and
 * whether at organization level: the role's privileges, looked up for the WhoAmI user with
 * RetrieveUserSetOfPrivilegesByNames (cli/privileges.ts), roles and team roles both counted. None: the checks that read
 * that table say "could not check" (will not work). Below organization level: mailboxes outside the user's reach
 * cannot be diagnosed (warning).
 */
import { DIAGNOSTICIAN_ROLE } from '../../tools/solution/components';
import { callerPrivilegeDepths, holdsAtLeast } from '../privileges';
import { t } from '../text';
import type { PreflightContext, PreflightResult } from './types';

export async function checkAccess(context: PreflightContext): Promise<PreflightResult> {
  const wanted = DIAGNOSTICIAN_ROLE.privileges;
  const held = await callerPrivilegeDepths(
    context.client,
    wanted.map((p) => p.name),
    context.retry,
  );
  const missing = wanted.filter((p) => held[p.name] === 'none');
  const shallow = wanted.filter((p) => held[p.name] !== 'none' && !holdsAtLeast(held[p.name], p.depth));
  const details = { held };
  const describe = (list: typeof missing) =>
    list
      .map((p) => t('cli.preflight.access.item', { privilege: p.name, table: p.table, depth: held[p.name] }))
      .join(', ');
  if (missing.length > 0) {
    const tables = [...new Set(missing.map((p) => p.table))].join(', ');
    return {
      id: 'access',
      verdict: 'will-not-work',
      found:
        t('cli.preflight.access.missing', { items: describe(missing) }) +
        (shallow.length > 0 ? ` ${t('cli.preflight.access.shallow', { items: describe(shallow) })}` : ''),
      action: t('cli.preflight.access.missingAction', { tables, role: DIAGNOSTICIAN_ROLE.name }),
      details,
    };
  }
  if (shallow.length > 0) {
    return {
      id: 'access',
      verdict: 'warning',
      found: t('cli.preflight.access.shallow', { items: describe(shallow) }),
      action: t('cli.preflight.access.shallowAction', { role: DIAGNOSTICIAN_ROLE.name }),
      details,
    };
  }
  return {
    id: 'access',
    verdict: 'ok',
    found: t('cli.preflight.access.ok', { count: wanted.length }),
    action: '',
    details,
  };
}
