/**
 * What the signed-in user may do, by privilege name: WhoAmI, then RetrieveUserSetOfPrivilegesByNames bound to that
 * user, which counts the user's own roles and the roles of the user's teams
 * (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveusersetofprivilegesbynames).
 * Its answer is RolePrivileges, one RolePrivilege per role that grants a name
 * (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/roleprivilege); a name held through
 * two roles comes back twice, so the deepest Depth wins. The collection parameter goes in a parameter alias, the form
 * "Use Web API functions" recommends (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/use-web-api-functions).
 */
import { withRetry, type RetryOptions } from '../diagnostics';
import { t } from './text';

/** PrivilegeDepth, shallowest first (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/privilegedepth). */
export const PRIVILEGE_DEPTHS = ['Basic', 'Local', 'Deep', 'Global'] as const;
export type PrivilegeDepth = (typeof PRIVILEGE_DEPTHS)[number];
export type HeldDepth = PrivilegeDepth | 'none';

/** The one call this module needs from the CLI's HTTP port (cli/http/webapi.ts). */
export interface FunctionClient {
  get(path: string): Promise<unknown>;
}

/** Names per request: each is a few dozen characters of URL, and Dataverse limits a URL's length. */
const NAMES_PER_REQUEST = 40;

/** `privilege` at least `wanted` deep (Global ≥ Deep ≥ Local ≥ Basic; none holds nothing). */
export function holdsAtLeast(held: HeldDepth, wanted: PrivilegeDepth): boolean {
  return held !== 'none' && PRIVILEGE_DEPTHS.indexOf(held) >= PRIVILEGE_DEPTHS.indexOf(wanted);
}

/**
 * Depth is an enum member: OData JSON writes its name ("Global"); its value (3) is accepted too. RecordFilter (4,
 * privileges decided by a record filter) is not a point on the Basic…Global scale, so it counts as no depth.
 */
function depthOf(value: unknown): PrivilegeDepth | undefined {
  if (typeof value === 'number') return PRIVILEGE_DEPTHS[value];
  if (typeof value !== 'string') return undefined;
  return (
    PRIVILEGE_DEPTHS.find((depth) => depth.toLowerCase() === value.toLowerCase()) ??
    (/^\d$/.test(value) ? PRIVILEGE_DEPTHS[Number(value)] : undefined)
  );
}

function unexpected(call: string): Error {
  return new Error(t('cli.preflight.unexpectedAnswer', { call }));
}

/** The WhoAmI user's id. */
export async function whoAmI(client: FunctionClient, retry: RetryOptions = {}): Promise<string> {
  const answer = (await withRetry(() => client.get('WhoAmI'), retry)) as { UserId?: unknown } | undefined;
  if (typeof answer?.UserId !== 'string' || answer.UserId === '') throw unexpected('WhoAmI');
  return answer.UserId;
}

/**
 * For the WhoAmI user (or `knownUserId`, when the caller already asked WhoAmI), the deepest Depth held of each name in
 * `names` ('none' when no role grants it). Keys are the names as given; Dataverse compares privilege names
 * case-insensitively, so the answer is matched that way.
 */
export async function callerPrivilegeDepths(
  client: FunctionClient,
  names: readonly string[],
  retry: RetryOptions = {},
  knownUserId?: string,
): Promise<Record<string, HeldDepth>> {
  const wanted = [...new Set(names)];
  const held: Record<string, HeldDepth> = Object.fromEntries(wanted.map((name) => [name, 'none' as HeldDepth]));
  if (wanted.length === 0) return held;
  const byLowerName = new Map(wanted.map((name) => [name.toLowerCase(), name]));
  const userId = knownUserId ?? (await whoAmI(client, retry));
  for (let start = 0; start < wanted.length; start += NAMES_PER_REQUEST) {
    const chunk = wanted.slice(start, start + NAMES_PER_REQUEST);
    const path = `systemusers(${userId})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=${encodeURIComponent(JSON.stringify(chunk))}`;
    const answer = (await withRetry(() => client.get(path), retry)) as { RolePrivileges?: unknown } | undefined;
    if (!Array.isArray(answer?.RolePrivileges)) throw unexpected('RetrieveUserSetOfPrivilegesByNames');
    for (const granted of answer.RolePrivileges as { PrivilegeName?: unknown; Depth?: unknown }[]) {
      const name =
        typeof granted?.PrivilegeName === 'string' ? byLowerName.get(granted.PrivilegeName.toLowerCase()) : undefined;
      const depth = depthOf(granted?.Depth);
      if (name === undefined || depth === undefined) continue;
      if (!holdsAtLeast(held[name], depth)) held[name] = depth;
    }
  }
  return held;
}
