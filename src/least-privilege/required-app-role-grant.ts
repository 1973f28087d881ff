import { Construct, IConstruct } from 'constructs';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { AppRoleGrant } from '../permissions/app-role-grant';
import { PrivilegeTier, WellKnownApp, tierOf } from '../permissions/graph-permissions';
import { recordDeferredAppRoles } from '../private/app-role-ledger';
import { invalid, isLiteral, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { HookPhase, atSynth } from '../private/identity-root';
import { warn } from '../private/warnings';
import { reviewFacts } from '../private/review-facts';
import { LeastPrivilege, RequiredGraphPermissions } from './least-privilege';

/** Options for granting what a configuration needs. */
export interface RequiredGrantOptions {
  /**
   * Allow tier-0 permissions (see `PrivilegeTier`) when the configuration needs them. Without it, a
   * tier-0 need fails the synth, naming the resources that pull it in.
   * @default false
   */
  readonly allowPrivileged?: boolean;
  /**
   * Grant only what a read-only `terraform plan` of the configuration needs (`planPermissions`):
   * for an identity that plans and never applies.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** Properties of a `RequiredAppRoleGrant`. */
export interface RequiredAppRoleGrantProps extends RequiredGrantOptions {
  /** Who receives the permissions. */
  readonly principal: IGrantable;
  /** The configuration whose needs are granted: a stack, or any construct whose subtree holds Terraform resources. */
  readonly requiredBy: IConstruct;
}

/**
 * Microsoft Graph application permissions worked out from a configuration (see `LeastPrivilege`)
 * and granted with admin consent. The set is computed when the grant's stack synthesizes, so the
 * configuration can be built after the grant (the workload stack after the identity stack). Each
 * permission's `azuread_app_role_assignment` is keyed by the permission's name, so adding a resource
 * adds assignments and moves none.
 *
 * @example
 * identity.grantGraphAppRolesRequiredBy('Graph', workloadStack);
 */
export class RequiredAppRoleGrant extends Construct {
  /** Who receives the permissions. */
  public readonly principal: IEntraPrincipal;
  /** The configuration whose needs are granted. */
  public readonly requiredBy: IConstruct;
  /** Whether only what a read-only plan needs is granted. */
  public readonly readOnly: boolean;
  private computed?: RequiredGraphPermissions;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: RequiredAppRoleGrantProps) {
    super(checkedArgs('RequiredAppRoleGrant.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['principal', 'requiredBy'], 'RequiredAppRoleGrantProps'));
    this.principal = props.principal.grantPrincipal;
    this.requiredBy = props.requiredBy;
    this.readOnly = props.readOnly ?? false;
    // Counted by checks whether or not this grant's stack has synthesized yet.
    recordDeferredAppRoles(this, this.principal, WellKnownApp.MICROSOFT_GRAPH, () => this.granted(this.requirements));
    atSynth(this, HookPhase.BUILD, () => this.grant(props.principal, props.allowPrivileged ?? false));
  }

  /** What the configuration needs, once the grant's stack has synthesized. */
  public get requirements(): RequiredGraphPermissions {
    return this.computed ??= this.compute();
  }

  /** The permissions granted, once the grant's stack has synthesized (empty before). */
  public get permissions(): string[] {
    return this.computed ? [...this.granted(this.computed)] : [];
  }

  private granted(needs: RequiredGraphPermissions): string[] {
    return this.readOnly ? needs.planPermissions : needs.applicationPermissions;
  }

  private compute(): RequiredGraphPermissions {
    const principalId = isLiteral(this.principal.principalId) ? this.principal.principalId : undefined;
    return LeastPrivilege.requiredBy(this.requiredBy, { principalId });
  }

  private grant(grantee: IGrantable, allowPrivileged: boolean): void {
    const needs = this.requirements;
    for (const warning of [...needs.versionWarnings, ...needs.unknownTypes.map((t) => `${t} is not in the least-privilege catalog, so what it needs is not granted`)]) {
      warn(this, { rule: 'least-privilege grants that cannot judge every type', message: warning });
    }
    const granted = this.granted(needs);
    const tierZero = granted.filter((p) => tierOf(p) === PrivilegeTier.TIER_0);
    if (tierZero.length && !allowPrivileged) {
      throw invalid(this, ...tierZero.map((permission) => ({
        property: 'requiredBy', value: this.requiredBy.node.path,
        problem: `the configuration needs the tier-0 permission ${permission} (a known path to Global Administrator), pulled in by ${needs.reasonsFor(permission).join(', ')}`,
        fix: 'change those resources, or pass allowPrivileged: true and restrict who can use the identity',
      })));
    }
    if (granted.length === 0) return;
    const roles = new AppRoleGrant(this, 'Roles', { principal: grantee, permissions: granted, allowPrivileged });
    reviewFacts(this).reasons.set(roles, (permission) => needs.reasonsFor(permission));
  }
}
