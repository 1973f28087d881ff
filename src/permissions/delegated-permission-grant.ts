import { Construct } from 'constructs';
import type { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import type { ServicePrincipalDelegatedPermissionGrant } from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { invalid, throwProblems } from '../private/problems';
import { checkedArgs, listProblems, requiredProblems } from '../private/shape';
import { reviewFacts } from '../private/review-facts';
import { WellKnownApp, lookupDelegatedScope } from './graph-permissions';
import { objectIdOf, resourceServicePrincipal } from './resource-service-principal';
import { azuread } from '../private/lazy-modules';

/** Properties of a `DelegatedPermissionGrant`. */
export interface DelegatedPermissionGrantProps {
  /** The app registration whose service principal receives the consent. */
  readonly principal: IGrantable;
  /** Microsoft Graph delegated permissions (scopes) by name, e.g. `User.Read`. */
  readonly scopes: string[];
}

/**
 * Admin consent for Microsoft Graph delegated permissions on behalf of all users:
 * `azuread_service_principal_delegated_permission_grant`, as `az ad app permission admin-consent` does.
 *
 * @example
 * new DelegatedPermissionGrant(stack, 'Consent', { principal: app, scopes: ['User.Read'] });
 */
export class DelegatedPermissionGrant extends Construct {
  /** The app whose service principal receives the consent. */
  public readonly principal: IEntraPrincipal;
  /** The consented scopes. */
  public readonly scopes: string[];
  /** The underlying resource (escape hatch). */
  public readonly resource: ServicePrincipalDelegatedPermissionGrant;
  /** The tenant's Microsoft Graph service principal (shared by the stack's grants). */
  public readonly resourceServicePrincipal: DataAzureadServicePrincipal;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: DelegatedPermissionGrantProps) {
    super(checkedArgs('DelegatedPermissionGrant.constructor', [scope, id, props]), id);
    throwProblems(this, [
      ...requiredProblems(props, ['principal', 'scopes'], 'DelegatedPermissionGrantProps'),
      ...listProblems('scopes', props?.scopes, '["User.Read"]'),
    ]);
    if (props.scopes.length === 0) {
      throw invalid(this, { property: 'scopes', value: '[]', problem: 'a delegated grant needs at least one scope', fix: 'name the scopes, e.g. ["User.Read"]' });
    }
    for (const name of props.scopes) {
      const found = lookupDelegatedScope(name);
      if (!('id' in found)) throw invalid(this, { property: 'scope', value: name, ...found });
    }
    this.principal = props.principal.grantPrincipal;
    this.scopes = [...props.scopes];
    this.resourceServicePrincipal = resourceServicePrincipal(this, WellKnownApp.MICROSOFT_GRAPH);
    this.resource = new (azuread.servicePrincipalDelegatedPermissionGrant().ServicePrincipalDelegatedPermissionGrant)(this, 'Resource', {
      servicePrincipalObjectId: this.principal.principalId,
      resourceServicePrincipalObjectId: objectIdOf(this.resourceServicePrincipal),
      claimValues: this.scopes,
    });
    reviewFacts(this).grants.push({
      holder: this, principal: this.principal, resourceAppId: WellKnownApp.MICROSOFT_GRAPH, permissions: this.scopes, delegated: true,
    });
  }
}
