import { Construct } from 'constructs';
import { TerraformResource, TerraformStack } from 'cdktf';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { Rule, check, invalid, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { reviewFacts } from '../private/review-facts';
import { azurerm } from '../private/lazy-modules';

/** Options for `grantAzureRole`: the scope and exactly one of the role's name or ID. */
export interface AzureRoleOptions {
  /**
   * The ARM scope the role applies to: a management group, subscription, resource group or resource
   * ID, e.g. a Key Vault's `id`. (Not named `scope`, which every construct's first parameter is.)
   */
  readonly armScope: string;
  /**
   * A built-in or custom role by name, e.g. `Key Vault Secrets User`.
   * @default - give roleDefinitionId instead
   */
  readonly roleDefinitionName?: string;
  /**
   * A role by its resource ID, `/subscriptions/{id}/providers/Microsoft.Authorization/roleDefinitions/{guid}`
   * (what the `azurerm_role_definition` data source returns as `id`). azurerm takes no bare GUID here.
   * @default - give roleDefinitionName instead
   */
  readonly roleDefinitionId?: string;
  /**
   * A description on the assignment.
   * @default - none
   */
  readonly description?: string;
}

/** Properties of an `AzureRoleAssignment`. */
export interface AzureRoleAssignmentProps extends AzureRoleOptions {
  /** Who receives the role: a principal, or anything that stands for one (a `KeylessWorkload`). */
  readonly principal: IGrantable;
}

/**
 * An Azure RBAC role assignment (`azurerm_role_assignment`) for a principal, as
 * `az role assignment create --assignee-principal-type ServicePrincipal` makes it.
 *
 * For a principal created in the same stack it skips azurerm's Entra lookup of the principal,
 * which otherwise fails with PrincipalNotFound while the new principal replicates.
 *
 * @example
 * identity.grantAzureRole('VaultSecrets', { armScope: vault.id, roleDefinitionName: 'Key Vault Secrets User' });
 */
export class AzureRoleAssignment extends Construct {
  /** Who receives the role. */
  public readonly principal: IEntraPrincipal;
  /** The ARM scope the role applies to. */
  public readonly armScope: string;
  /** The role, by name or resource ID as given. */
  public readonly role: string;
  /** The underlying `azurerm_role_assignment` (escape hatch). */
  public readonly resource: RoleAssignment;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AzureRoleAssignmentProps) {
    super(checkedArgs('AzureRoleAssignment.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['principal', 'armScope'], 'AzureRoleAssignmentProps'));
    const byName = props.roleDefinitionName !== undefined;
    if (byName === (props.roleDefinitionId !== undefined)) {
      throw invalid(this, {
        property: 'roleDefinitionName, roleDefinitionId', value: [props.roleDefinitionName, props.roleDefinitionId].filter((v) => v !== undefined).join(', '),
        problem: byName ? 'both roleDefinitionName and roleDefinitionId were given' : 'no role was given',
        fix: 'give exactly one of roleDefinitionName (e.g. "Key Vault Secrets User") or roleDefinitionId',
      });
    }
    check(this, 'armScope', props.armScope, scopeRule);
    check(this, 'roleDefinitionName', props.roleDefinitionName, roleNameRule);
    check(this, 'roleDefinitionId', props.roleDefinitionId, roleIdRule);

    this.principal = props.principal.grantPrincipal;
    this.armScope = props.armScope;
    this.role = props.roleDefinitionName ?? props.roleDefinitionId!;
    this.resource = new (azurerm.roleAssignment().RoleAssignment)(this, 'Resource', {
      scope: props.armScope,
      principalId: this.principal.principalId,
      principalType: 'ServicePrincipal',
      roleDefinitionName: props.roleDefinitionName,
      roleDefinitionId: props.roleDefinitionId,
      description: props.description,
      skipServicePrincipalAadCheck: createdInStack(this.principal, this) ? true : undefined,
    });
    reviewFacts(this).azureRoles.push({ holder: this, principal: this.principal, role: this.role, scope: this.armScope });
  }
}

/** True for an identity or app this stack creates (its primary child is a resource, not a data source or nothing). */
function createdInStack(principal: IEntraPrincipal, scope: Construct): boolean {
  return TerraformResource.isTerraformResource(principal.node.defaultChild)
    && TerraformStack.of(principal) === TerraformStack.of(scope);
}

/**
 * An ARM scope: a management group, a subscription, a resource group, or a resource under one
 * (Microsoft Learn, "Understand scope for Azure RBAC"). Azure matches names exactly, so no
 * surrounding whitespace.
 */
const ARM_SCOPE = new RegExp([
  '^/providers/Microsoft\\.Management/managementGroups/[^/\\s]+$',
  '^/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[^/]+(/providers/[^/]+(/[^/]+/[^/]+)+)?)?$',
].join('|'), 'i');

const scopeRule: Rule = (value) => {
  if (value.trim() !== value) return { problem: 'a scope must not start or end with whitespace', fix: `use "${value.trim()}"` };
  if (ARM_SCOPE.test(value)) return undefined;
  return {
    problem: 'an Azure role scope is a management group, subscription, resource group or resource ID',
    fix: 'pass an ID such as /subscriptions/{id}/resourceGroups/{group}, e.g. a resource\'s id attribute',
  };
};

const roleNameRule: Rule = (value) => {
  if (!value.trim()) return { problem: 'a role name must not be empty', fix: 'use the role\'s name, e.g. "Reader"' };
  if (value.trim() !== value) return { problem: 'Azure matches role names exactly, so surrounding whitespace finds no role', fix: `use "${value.trim()}"` };
  // A built-in role's GUID is its definition's name in ARM, but azurerm's role_definition_name looks up the display name ("Reader").
  if (new RegExp(`^${GUID}$`).test(value)) {
    return {
      problem: 'this is a role definition\'s GUID, not its name: role_definition_name takes the role\'s display name, such as "Reader"',
      fix: `pass roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/${value.toLowerCase()}" instead (with /subscriptions/{subscription} in front for a custom role), or the role's name`,
    };
  }
  return undefined;
};

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const roleIdRule: Rule = (value) => new RegExp(`^(/subscriptions/${GUID})?/providers/Microsoft\\.Authorization/roleDefinitions/${GUID}$`, 'i').test(value) ? undefined : {
  problem: 'azurerm takes a role definition\'s resource ID, /subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/{GUID}',
  fix: new RegExp(`^${GUID}$`).test(value)
    ? `use "/subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/${value}", or pass roleDefinitionName`
    : 'use `az role definition list --name "ROLE" --query [0].id -o tsv`, or pass roleDefinitionName',
};
