import { Construct } from 'constructs';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { ServicePrincipalDelegatedPermissionGrant } from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant';
import { ValidationError } from '../private/errors';
import { IPrincipal } from '../principals/principal';
import { FIRST_PARTY_APP_IDS } from './graph-catalog';
import { lookupDelegatedScope } from './graph-permissions';
import { resourceServicePrincipal } from './resource-service-principal';

/** Properties of a `DelegatedPermissionGrant`. */
export interface DelegatedPermissionGrantProps {
  /** The app registration whose service principal receives the consent. */
  readonly principal: IPrincipal;
  /** Microsoft Graph delegated permissions (scopes) by name, e.g. `User.Read`. */
  readonly scopes: string[];
}

/**
 * Admin consent for Microsoft Graph delegated permissions on behalf of all users:
 * `azuread_service_principal_delegated_permission_grant`, as `az ad app permission admin-consent` does.
 */
export class DelegatedPermissionGrant extends Construct {
  /** The app whose service principal receives the consent. */
  public readonly principal: IPrincipal;
  /** The consented scopes. */
  public readonly scopes: string[];
  /** The underlying resource (escape hatch). */
  public readonly resource: ServicePrincipalDelegatedPermissionGrant;
  /** The tenant's Microsoft Graph service principal (shared by the stack's grants). */
  public readonly resourceServicePrincipal: DataAzureadServicePrincipal;

  constructor(scope: Construct, id: string, props: DelegatedPermissionGrantProps) {
    super(scope, id);
    if (props.scopes.length === 0) {
      throw new ValidationError(this, 'invalid scopes []: a delegated grant needs at least one scope. Fix: name the scopes, e.g. ["User.Read"].');
    }
    for (const name of props.scopes) {
      const found = lookupDelegatedScope(name);
      if (!('id' in found)) throw new ValidationError(this, `invalid scope ${JSON.stringify(name)}: ${found.problem}. Fix: ${found.fix}.`);
    }
    this.principal = props.principal;
    this.scopes = [...props.scopes];
    this.resourceServicePrincipal = resourceServicePrincipal(this, FIRST_PARTY_APP_IDS.MICROSOFT_GRAPH);
    this.resource = new ServicePrincipalDelegatedPermissionGrant(this, 'Resource', {
      servicePrincipalObjectId: props.principal.principalId,
      resourceServicePrincipalObjectId: this.resourceServicePrincipal.objectId,
      claimValues: this.scopes,
    });
  }
}
