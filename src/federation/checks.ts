import { IConstruct } from 'constructs';
import { ValidationError } from '../private/errors';
import { IPrincipal, PrincipalKind } from '../principals/principal';

/** Microsoft allows federated credentials only on user-assigned identities and apps. */
export function assertCanHoldCredentials(scope: IConstruct, target: IPrincipal): void {
  if (target.principalKind === PrincipalKind.SYSTEM_ASSIGNED_IDENTITY) {
    throw new ValidationError(scope, `the system-assigned identity ${target.node.path} cannot hold federated identity credentials: `
      + 'Microsoft allows them only on user-assigned identities and app registrations. Fix: create a UserAssignedIdentity, '
      + 'attach it to the compute resource, and add the credential to it.');
  }
}
