import { IConstruct } from 'constructs';
import { IEntraPrincipal } from '../core/principal';
import { IdentityRoot } from './identity-root';
import { isLiteral } from './problems';

/**
 * The app roles each principal receives anywhere in one app, recorded as the grants are made, so
 * that neither the duplicate check nor a least-privilege check walks the app to find them (one walk
 * per check would make synth grow with the square of the stacks). A grant by name records its roles
 * at once; a grant worked out from a configuration records how to compute them, known only at synth.
 */
interface Ledger {
  /** `<resource app ID> <permission>` to the place that grants it. */
  readonly granted: Map<string, string>;
  readonly deferred: Array<{ readonly resourceAppId: string; readonly permissions: () => readonly string[] }>;
}

/** One principal's ledger in `scope`'s app; a literal principal ID names the same principal however it is referred to. */
function ledgerOf(scope: IConstruct, principal: IEntraPrincipal): Ledger {
  const byPrincipal = IdentityRoot.of(scope).state('app-role ledger@1', () => new Map<unknown, Ledger>());
  const key = isLiteral(principal.principalId) ? principal.principalId.toLowerCase() : principal;
  let ledger = byPrincipal.get(key);
  if (!ledger) byPrincipal.set(key, ledger = { granted: new Map(), deferred: [] });
  return ledger;
}

/** The ledger's key of one app role. */
export function appRoleSlot(resourceAppId: string, permission: string): string {
  return `${resourceAppId.toLowerCase()} ${permission}`;
}

/** Where each app role the principal already receives is granted, by `appRoleSlot`; add to it to record a grant. */
export function grantedAppRoles(scope: IConstruct, principal: IEntraPrincipal): Map<string, string> {
  return ledgerOf(scope, principal).granted;
}

/** Records a grant whose roles are known only at synth. */
export function recordDeferredAppRoles(scope: IConstruct, principal: IEntraPrincipal, resourceAppId: string, permissions: () => readonly string[]): void {
  ledgerOf(scope, principal).deferred.push({ resourceAppId, permissions });
}

/** Every role of one resource app the principal receives anywhere in the app, sorted. */
export function appRolesReceived(scope: IConstruct, principal: IEntraPrincipal, resourceAppId: string): string[] {
  const ledger = ledgerOf(scope, principal);
  const prefix = appRoleSlot(resourceAppId, '');
  const roles = new Set<string>();
  for (const slot of ledger.granted.keys()) if (slot.startsWith(prefix)) roles.add(slot.slice(prefix.length));
  for (const grant of ledger.deferred) {
    if (grant.resourceAppId.toLowerCase() === resourceAppId.toLowerCase()) grant.permissions().forEach((p) => roles.add(p));
  }
  return [...roles].sort();
}
