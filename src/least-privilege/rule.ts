/**
 * The rule for "least", as pure functions over permission names (`Resource.Access.Scope`, e.g.
 * `Application.ReadWrite.OwnedBy`). Documented in the README ("Least privilege"):
 *
 * 1. A permission covers another when it grants at least as much: the same or a broader resource
 *    (`Directory` covers users, groups, applications, devices...), the
 *    same or a stronger access (`ReadWrite` > `Read` > `ReadBasic`), and the same or a wider scope
 *    (`All` covers `OwnedBy`).
 * 2. In a hint list, a broader permission that sits beside a narrower one it covers is an
 *    alternative to it, and the narrower one wins. For reading, that holds on every axis: the
 *    narrowest access suffices. For writing, the access a write needs stays: `X.ReadWrite.All`
 *    beside `X.Read.All` is the need, and the read is implied.
 * 3. What plan and apply need together is the union, with every permission that another one in it
 *    covers left out.
 */

/** The parts of a Graph permission name. */
interface Parts {
  readonly resource: string;
  readonly access: string;
  readonly scope: string;
}

function parts(name: string): Parts {
  const [resource, access = '', ...scope] = name.split('.');
  return { resource, access, scope: scope.join('.') };
}

/** Directory permissions span these directory objects (Microsoft Graph permissions reference). */
const BROADER_RESOURCES: { [resource: string]: readonly string[] } = {
  Directory: ['User', 'Group', 'GroupMember', 'Application', 'Device', 'AdministrativeUnit', 'Organization', 'Member', 'OrgContact'],
};

const ACCESS_RANK: { [access: string]: number } = { ReadBasic: 1, Read: 2, ReadWrite: 3 };

const WIDER_SCOPES: { [scope: string]: readonly string[] } = {
  All: ['OwnedBy', 'IdentityParentedBy', 'ManagedBy'],
};

function resourceCovers(a: string, b: string): boolean {
  return a === b || (BROADER_RESOURCES[a]?.includes(b) ?? false);
}

function accessCovers(a: string, b: string): boolean {
  return a === b || (ACCESS_RANK[a] !== undefined && ACCESS_RANK[b] !== undefined && ACCESS_RANK[a] >= ACCESS_RANK[b]);
}

function scopeCovers(a: string, b: string): boolean {
  return a === b || (WIDER_SCOPES[a]?.includes(b) ?? false);
}

/** Whether holding `a` grants everything `b` grants. */
export function covers(a: string, b: string): boolean {
  if (a === b) return true;
  const [pa, pb] = [parts(a), parts(b)];
  return resourceCovers(pa.resource, pb.resource) && accessCovers(pa.access, pb.access) && scopeCovers(pa.scope, pb.scope);
}

/** True when `a` and `b` differ only in access: the same resource and scope. */
function differInAccessOnly(a: string, b: string): boolean {
  const [pa, pb] = [parts(a), parts(b)];
  return pa.resource === pb.resource && pa.scope === pb.scope && pa.access !== pb.access;
}

/**
 * The least of a provider's hint list for reading: every permission that covers another one in the
 * list is a broader alternative to it, and is left out.
 */
export function leastForReading(hints: readonly string[]): string[] {
  const unique = [...new Set(hints)];
  return unique.filter((b) => !unique.some((a) => a !== b && covers(b, a))).sort();
}

/**
 * The least of a provider's hint list for writing: broader alternatives (a wider resource or scope)
 * are left out, but the stronger access a write needs stays, and the weaker one it implies goes.
 */
export function leastForWriting(hints: readonly string[]): string[] {
  const unique = [...new Set(hints)];
  const withoutBroader = unique.filter((b) => !unique.some((a) => a !== b && covers(b, a) && !differInAccessOnly(a, b)));
  return withoutCovered(withoutBroader);
}

/** A set of needs, with every permission another one in the set covers left out. */
export function withoutCovered(permissions: readonly string[]): string[] {
  const unique = [...new Set(permissions)];
  return unique.filter((b) => !unique.some((a) => a !== b && covers(a, b) && !covers(b, a))).sort();
}

/** The permission in `set` that covers `permission`, for moving the reasons of a left-out one. */
export function coveringIn(set: readonly string[], permission: string): string | undefined {
  return set.includes(permission) ? permission : set.find((candidate) => covers(candidate, permission));
}

/** The read form of a write permission (`X.ReadWrite.All` -> `X.Read.All`), when `exists` knows it. */
export function readFormOf(permission: string, exists: (name: string) => boolean): string {
  const p = parts(permission);
  if (p.access !== 'ReadWrite') return permission;
  const read = [p.resource, 'Read', p.scope].filter(Boolean).join('.');
  return exists(read) ? read : permission;
}
