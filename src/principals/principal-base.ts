import { Construct, IConstruct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { RequiredAppRoleGrant, RequiredGrantOptions } from '../least-privilege/required-app-role-grant';
import { AppRoleGrant, GrantOptions } from '../permissions/app-role-grant';
import { AzureRoleAssignment, AzureRoleOptions } from '../permissions/azure-role-assignment';
import { IEntraPrincipal, PrincipalKind, SignInProfile } from '../core/principal';
import { IPrincipal } from './principal';
import { reviewFacts } from '../private/review-facts';
import { checkSignInRights, requireSomeTrust } from './sign-in-rights';
import { conform, pathFor } from '../private/shape';

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
    checkSignInRights(this, provider, providerName);
    if (federatedWithoutRunner !== undefined) requireSomeTrust(this, provider, providerName, federatedWithoutRunner);
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
    return new RequiredAppRoleGrant(this, id, { ...options, principal: this, requiredBy: scope });
  }

  /**
   * Grants an Azure RBAC role on a scope (see `AzureRoleAssignment`).
   *
   * @param id construct id of the assignment, under this principal
   * @param options the ARM scope and the role
   */
  public grantAzureRole(id: string, options: AzureRoleOptions): AzureRoleAssignment {
    conform(pathFor(this, id), 'UserAssignedIdentity.grantAzureRole', [id, options]);
    return new AzureRoleAssignment(this, id, { ...options, principal: this });
  }
}
