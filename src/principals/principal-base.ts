import { Construct, IConstruct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import type * as RequiredGrants from '../least-privilege/required-app-role-grant';
import type { RequiredAppRoleGrant, RequiredGrantOptions } from '../least-privilege/required-app-role-grant';
import { AppRoleGrant, GrantOptions } from '../permissions/app-role-grant';
import type * as AzureRoles from '../permissions/azure-role-assignment';
import type { AzureRoleAssignment, AzureRoleOptions } from '../permissions/azure-role-assignment';
import { IEntraPrincipal, PrincipalKind, SignInProfile } from '../core/principal';
import { IPrincipal } from './principal';
import { onFirstUse } from '../private/lazy-modules';
import { reviewFacts } from '../private/review-facts';
import type * as SignInRights from './sign-in-rights';
import { conform, pathFor } from '../private/shape';

// What only some principals use (least-privilege grants, Azure roles, the sign-in checks, and the
// least-privilege catalog behind them) loads on first use: about 10 ms of every process otherwise.
/* eslint-disable @typescript-eslint/no-require-imports */
const requiredGrants = onFirstUse((): typeof RequiredGrants => require('../least-privilege/required-app-role-grant'));
const azureRoles = onFirstUse((): typeof AzureRoles => require('../permissions/azure-role-assignment'));
const signInRights = onFirstUse((): typeof SignInRights => require('./sign-in-rights'));
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The grant methods every principal shares; they only wire the constructs of permissions/.
 * @internal
 */
export abstract class PrincipalBase extends Construct implements IPrincipal {
  public abstract readonly principalId: string;
  public abstract readonly tenantId: string;
  public abstract readonly principalKind: PrincipalKind;
  public abstract readonly signIn: SignInProfile;
  public abstract readonly displayName: string;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    reviewFacts(this).principals.push(this);
  }

  /**
   * A provider block signs in as this principal: it must hold what the block's resources need.
   * @internal
   */
  public _signedInBy(provider: TerraformProvider, providerName: string, federatedWithoutRunner?: string): void {
    signInRights().checkSignInRights(this, provider, providerName);
    if (federatedWithoutRunner !== undefined) signInRights().requireSomeTrust(this, provider, providerName, federatedWithoutRunner);
  }

  /** This principal itself. */
  public get grantPrincipal(): IEntraPrincipal {
    return this;
  }

  /**
   * Grants Microsoft Graph application permissions by name, with admin consent (see `AppRoleGrant`).
   *
   * @param id construct id of the grant, under this principal
   * @param permissions application permission names, e.g. `['User.Read.All']`
   * @param options tier-0 and unknown-permission opt-ins
   */
  public grantGraphAppRoles(id: string, permissions: string[], options: GrantOptions = {}): AppRoleGrant {
    // Every principal has the same signature as UserAssignedIdentity's.
    conform(pathFor(this, id), 'UserAssignedIdentity.grantGraphAppRoles', [id, permissions, options]);
    return new AppRoleGrant(this, id, { ...options, principal: this, permissions });
  }

  /**
   * Grants exactly the Graph application permissions the resources under `scope` need (see `RequiredAppRoleGrant`).
   *
   * @param id construct id of the grant, under this principal
   * @param scope the configuration this principal runs
   * @param options the tier-0 opt-in
   */
  public grantGraphAppRolesRequiredBy(id: string, scope: IConstruct, options: RequiredGrantOptions = {}): RequiredAppRoleGrant {
    conform(pathFor(this, id), 'UserAssignedIdentity.grantGraphAppRolesRequiredBy', [id, scope, options]);
    return new (requiredGrants().RequiredAppRoleGrant)(this, id, { ...options, principal: this, requiredBy: scope });
  }

  /**
   * Grants an Azure RBAC role on a scope (see `AzureRoleAssignment`).
   *
   * @param id construct id of the assignment, under this principal
   * @param options the ARM scope and the role
   */
  public grantAzureRole(id: string, options: AzureRoleOptions): AzureRoleAssignment {
    conform(pathFor(this, id), 'UserAssignedIdentity.grantAzureRole', [id, options]);
    return new (azureRoles().AzureRoleAssignment)(this, id, { ...options, principal: this });
  }
}
