import { IEntraPrincipal } from '../core/principal';
import { Problem, isLiteral } from './problems';

/**
 * One sign-in, one tenant: a tenant given next to an identity must be the identity's own (Entra
 * signs an identity in only in its tenant). Both must be literal to disagree; the fix never asks to
 * drop a tenant that is required.
 */
export function tenantProblems(property: string, tenantId: string | undefined, identity: IEntraPrincipal | undefined): Problem[] {
  // The identity's tenant is read only when there is a literal tenant to compare: reading an attribute makes a token.
  if (!isLiteral(tenantId)) return [];
  const identityTenant = identity?.tenantId;
  if (!isLiteral(identityTenant) || tenantId.toLowerCase() === identityTenant.toLowerCase()) return [];
  return [{
    property, value: tenantId,
    problem: `the identity ${identity!.node.path} lives in tenant "${identityTenant}", and a sign-in uses one tenant`,
    fix: `use "${identityTenant}", or an identity of tenant "${tenantId}"`,
  }];
}
