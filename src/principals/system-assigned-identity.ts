import { Construct } from 'constructs';
import { PrincipalKind, SignInProfile } from '../core/principal';
import { check, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { lowerGuid, principalIdRule, tenantIdRule } from '../private/rules';
import { PrincipalBase } from './principal-base';

/** The attributes of a compute resource's system-assigned identity. */
export interface SystemAssignedIdentityAttributes {
  /**
   * The identity's principal ID, e.g. `vm.identity.principalId` of an `azurerm_linux_virtual_machine`
   * with `identity { type = "SystemAssigned" }`.
   */
  readonly principalId: string;
  /** The identity's tenant ID, e.g. `vm.identity.tenantId`. */
  readonly tenantId: string;
}

/**
 * The system-assigned managed identity of a compute resource (a VM, App Service, Function App,
 * Logic App...). Azure creates and deletes it with the resource, so it is only ever referred to.
 *
 * It can be granted permissions. It cannot hold federated identity credentials: Microsoft allows
 * those only on user-assigned identities and app registrations.
 *
 * @example
 * const vmIdentity = SystemAssignedIdentity.fromPrincipalId(stack, 'VmIdentity', {
 *   principalId: vm.identity.principalId, tenantId: vm.identity.tenantId,
 * });
 * vmIdentity.grantGraphAppRoles('Graph', ['DeviceManagementManagedDevices.Read.All']);
 */
export class SystemAssignedIdentity extends PrincipalBase {
  /**
   * Refers to the system-assigned identity with this principal ID. Emits nothing.
   *
   * @param scope the construct to define the reference in
   * @param id the reference's construct id
   * @param attrs the identity's principal and tenant IDs
   */
  public static fromPrincipalId(scope: Construct, id: string, attrs: SystemAssignedIdentityAttributes): SystemAssignedIdentity {
    return new SystemAssignedIdentity(checkedArgs('SystemAssignedIdentity.fromPrincipalId', [scope, id, attrs]), id, attrs);
  }

  /** The identity's principal (service principal object) ID. */
  public readonly principalId: string;
  /** The identity's tenant. */
  public readonly tenantId: string;
  /** Always `PrincipalKind.SYSTEM_ASSIGNED_IDENTITY`. */
  public readonly principalKind = PrincipalKind.SYSTEM_ASSIGNED_IDENTITY;
  /** Worn by its machine through IMDS, with no client ID to choose; never federated. */
  public readonly signIn: SignInProfile = { viaManagedIdentity: true, viaFederation: false };
  /** The construct path: Azure names a system-assigned identity after its resource, which this reference does not know. */
  public readonly displayName: string;

  private constructor(scope: Construct, id: string, attrs: SystemAssignedIdentityAttributes) {
    super(scope, id);
    throwProblems(this, requiredProblems(attrs, ['principalId', 'tenantId'], 'SystemAssignedIdentityAttributes'));
    check(this, 'principalId', attrs.principalId, principalIdRule);
    check(this, 'tenantId', attrs.tenantId, tenantIdRule);
    this.principalId = lowerGuid(attrs.principalId);
    this.tenantId = lowerGuid(attrs.tenantId);
    this.displayName = this.node.path;
  }
}
