import { Construct, IConstruct } from 'constructs';
import { TerraformIterator, Tokenization } from 'cdktf';
import type { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import type { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { appRoleSlot, grantedAppRoles } from '../private/app-role-ledger';
import { check, invalid, isLiteral, throwProblems } from '../private/problems';
import { checkedArgs, listProblems, requiredProblems } from '../private/shape';
import { guid, lowerGuid } from '../private/rules';
import { GraphPermissions, PrivilegeTier, WellKnownApp, lookupAppRole, tierOf } from './graph-permissions';
import { objectIdOf, resourceServicePrincipal } from './resource-service-principal';
import { warn } from '../private/warnings';
import { reviewFacts } from '../private/review-facts';
import { azuread } from '../private/lazy-modules';

/** Options for granting app roles. */
export interface GrantOptions {
  /**
   * Allow tier-0 permissions: those with a known path to Global Administrator (see `PrivilegeTier`).
   * Even then the grant carries a warning, so reviewers see it.
   * @default false
   */
  readonly allowPrivileged?: boolean;
  /**
   * Allow Microsoft Graph permissions the offline catalog does not know (added by Microsoft after
   * the catalog was exported). Their IDs are then read at plan time from the tenant's Graph
   * service principal, and the grant carries a warning.
   * @default false
   */
  readonly allowUnknown?: boolean;
}

/** Properties of an `AppRoleGrant`. */
export interface AppRoleGrantProps extends GrantOptions {
  /** Who receives the permissions: a principal, or anything that stands for one (a `KeylessWorkload`). */
  readonly principal: IGrantable;
  /** Application permissions (app role values) by name, e.g. `User.Read.All`. */
  readonly permissions: string[];
  /**
   * The client ID of the API that defines the roles, e.g. `WellKnownApp.SHAREPOINT_ONLINE`.
   * Microsoft Graph roles are checked against the offline catalog and written as literal IDs; other
   * APIs' roles are resolved by name at plan time from the API's service principal.
   * @default WellKnownApp.MICROSOFT_GRAPH
   */
  readonly resourceAppId?: string;
}

/**
 * Application permissions granted with admin consent: one `azuread_app_role_assignment` per
 * permission, on the tenant's service principal of the API (one shared data source per stack and API).
 *
 * This is what `az rest --method POST .../servicePrincipals/{id}/appRoleAssignments` does, and the
 * only way to give a managed identity Graph permissions: the portal has no page for it. Granting
 * Graph app roles needs the Privileged Role Administrator role, and a managed identity may hold
 * old tokens for up to 24 hours after a change.
 *
 * @example
 * identity.grantGraphAppRoles('Graph', ['DeviceManagementManagedDevices.Read.All', 'Group.Read.All']);
 */
export class AppRoleGrant extends Construct {
  /** Who receives the permissions. */
  public readonly principal: IEntraPrincipal;
  /** The permissions granted, by name. */
  public readonly permissions: string[];
  /** The client ID of the API that defines the roles. */
  public readonly resourceAppId: string;
  /** The API's service principal in the tenant (shared by the stack's grants to that API). */
  public readonly resourceServicePrincipal: DataAzureadServicePrincipal;
  /** One `azuread_app_role_assignment` per permission, in the order given (escape hatch). */
  public readonly assignments: AppRoleAssignment[];

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AppRoleGrantProps) {
    super(checkedArgs('AppRoleGrant.constructor', [scope, id, props]), id);
    throwProblems(this, [
      ...requiredProblems(props, ['principal', 'permissions'], 'AppRoleGrantProps'),
      ...listProblems('permissions', props?.permissions, '["User.Read.All"]'),
    ]);
    this.principal = props.principal.grantPrincipal;
    // Read here, at the shallowest point of the grant: cdktf captures a full stack trace for each token.
    const principalObjectId = this.principal.principalId;
    this.permissions = [...props.permissions];
    this.resourceAppId = lowerGuid(props.resourceAppId ?? WellKnownApp.MICROSOFT_GRAPH);
    check(this, 'resourceAppId', this.resourceAppId, guid('resource app ID', 'the API\'s application (client) ID, e.g. WellKnownApp.AZURE_DEVOPS'));
    const isGraph = isLiteral(this.resourceAppId) && this.resourceAppId.toLowerCase() === WellKnownApp.MICROSOFT_GRAPH;

    if (this.permissions.length === 0) {
      throw invalid(this, { property: 'permissions', value: '[]', problem: 'a grant needs at least one permission', fix: 'name the application permissions, e.g. ["User.Read.All"]' });
    }
    this.resourceServicePrincipal = resourceServicePrincipal(this, this.resourceAppId);
    reviewFacts(this).grants.push({
      holder: this, principal: this.principal, resourceAppId: this.resourceAppId, permissions: this.permissions, delegated: false,
    });
    const listOnlyTerraformKnows = Tokenization.reverseList(props.permissions);
    if (listOnlyTerraformKnows) {
      // A list from a variable: one assignment per name, looked up when Terraform plans.
      const each = TerraformIterator.fromList(props.permissions);
      this.assignments = [new (azuread.appRoleAssignment().AppRoleAssignment)(this, 'Roles', {
        forEach: each,
        appRoleId: this.resourceServicePrincipal.appRoleIds.lookup(each.value),
        principalObjectId,
        resourceObjectId: objectIdOf(this.resourceServicePrincipal),
      })];
      return;
    }
    const roleIds = this.permissions.map((permission, i) => this.resolve(permission, i, isGraph, props));
    claimGrants(this, this.principal, this.resourceAppId, this.permissions);

    const resourceObjectId = objectIdOf(this.resourceServicePrincipal);
    this.assignments = [];
    for (let i = 0; i < this.permissions.length; i++) {
      const permission = this.permissions[i];
      // A name only Terraform knows cannot be a construct id: its position stands in.
      this.assignments.push(new (azuread.appRoleAssignment().AppRoleAssignment)(this, isLiteral(permission) ? permission : `Role${i}`, {
        appRoleId: roleIds[i] ?? this.resourceServicePrincipal.appRoleIds.lookup(permission),
        principalObjectId,
        resourceObjectId,
      }));
    }
  }

  /**
   * The literal role ID of a known Graph permission; undefined when it is read at plan time (another
   * API's role, or a name only Terraform knows).
   */
  private resolve(permission: string, index: number, isGraph: boolean, options: GrantOptions): string | undefined {
    if (!isLiteral(permission)) return undefined;
    if (!/^\S+$/.test(permission)) {
      throw invalid(this, {
        property: `permissions[${index}]`, value: permission,
        problem: 'permissions are named by their value, with no spaces', fix: `use "${permission.replace(/\s+/g, '')}"`,
      });
    }
    if (!isGraph) return undefined;
    const found = lookupAppRole(permission);
    if (!('id' in found)) {
      // A delegated-only name is wrong for certain, so allowUnknown does not let it through.
      if (options.allowUnknown && !GraphPermissions.isKnownDelegatedScope(permission)) {
        warn(this, {
          rule: 'Graph permissions the offline catalog does not know',
          message: `"${permission}" is not in the offline Graph catalog; its ID is read at plan time from the tenant's `
            + 'Microsoft Graph service principal, and the plan fails there if the name is wrong.',
        });
        return undefined;
      }
      throw invalid(this, { property: `permissions[${index}]`, value: permission, ...found });
    }
    if (tierOf(permission) === PrivilegeTier.TIER_0) {
      if (!options.allowPrivileged) {
        throw invalid(this, {
          property: `permissions[${index}]`, value: permission,
          problem: 'it is tier 0, with a known path to Global Administrator: whoever can act as this principal could take over the tenant',
          fix: 'grant a narrower permission, or, if this principal really needs it, pass allowPrivileged: true and restrict who can use the identity',
        });
      }
      warn(this, {
        rule: 'tier-0 Graph permissions granted',
        message: `Grants the tier-0 permission ${permission} (a known path to Global Administrator). Keep the trusts of this identity narrow and reviewed.`,
      });
    }
    return found.id;
  }
}

/** Refuses a permission that the same principal already received from another grant. */
function claimGrants(grant: IConstruct, principal: IEntraPrincipal, resourceAppId: string, permissions: string[]): void {
  const granted = grantedAppRoles(grant, principal);
  const seenHere = new Map<string, string>();
  const grantPath = grant.node.path;
  permissions.forEach((permission, i) => {
    const slot = appRoleSlot(resourceAppId, permission);
    const here = `${grantPath} permissions[${i}]`;
    const first = seenHere.get(slot) ?? granted.get(slot);
    if (first) {
      throw invalid(grant, {
        property: `permissions[${i}]`, value: permission,
        problem: `${principal.node.path} already receives it from ${first}. Azure rejects a second identical app role assignment`,
        fix: `remove one of the two: ${first}, or ${here}`,
      });
    }
    seenHere.set(slot, here);
  });
  for (const [slot, place] of seenHere) granted.set(slot, place);
}
