import { Construct, IConstruct } from 'constructs';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { WellKnownApp, tierOf } from '../permissions/graph-permissions';
import { appRolesReceived } from '../private/app-role-ledger';
import { invalid, isLiteral, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { HookPhase, atSynth } from '../private/identity-root';
import { warn } from '../private/warnings';
import { LeastPrivilege } from './least-privilege';
import { covers } from './rule';

/** Properties of a `LeastPrivilegeCheck`. */
export interface LeastPrivilegeCheckProps {
  /** The identity whose Graph grants are checked (granted by hand, or by another team). */
  readonly grantee: IGrantable;
  /** The configuration the identity runs: a stack, or any construct whose subtree holds Terraform resources. */
  readonly requiredBy: IConstruct;
}

/**
 * Checks Graph grants made by hand against what a configuration needs (see `LeastPrivilege`), when
 * the check's stack synthesizes: a missing permission is an error naming the resources that need
 * it; a permission nothing needs is a warning with its privilege tier.
 *
 * @example
 * new LeastPrivilegeCheck(identityStack, 'IntuneCheck', { grantee: identity, requiredBy: workloadStack });
 */
export class LeastPrivilegeCheck extends Construct {
  /** The identity whose grants are checked. */
  public readonly grantee: IEntraPrincipal;
  /** The configuration the identity runs. */
  public readonly requiredBy: IConstruct;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: LeastPrivilegeCheckProps) {
    super(checkedArgs('LeastPrivilegeCheck.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['grantee', 'requiredBy'], 'LeastPrivilegeCheckProps'));
    this.grantee = props.grantee.grantPrincipal;
    this.requiredBy = props.requiredBy;
    // After build hooks, so that grants computed from a configuration are there to be counted.
    atSynth(this, HookPhase.REPORT, () => this.check());
  }

  private check(): void {
    const principalId = isLiteral(this.grantee.principalId) ? this.grantee.principalId : undefined;
    const needs = LeastPrivilege.requiredBy(this.requiredBy, { principalId });
    for (const warning of [...needs.versionWarnings, ...needs.unknownTypes.map((t) => `${t} is not in the least-privilege catalog, so what it needs is not checked`)]) {
      warn(this, { rule: 'least-privilege checks that cannot judge every type', message: warning });
    }
    const granted = appRolesReceived(this, this.grantee, WellKnownApp.MICROSOFT_GRAPH);
    const missing = needs.applicationPermissions.filter((need) => !granted.some((g) => covers(g, need)));
    if (missing.length) {
      throw invalid(this, ...missing.map((permission) => ({
        property: 'grantee', value: this.grantee.node.path,
        problem: `it lacks ${permission}, which ${needs.reasonsFor(permission).join(', ')} need${needs.reasonsFor(permission).length === 1 ? 's' : ''}`,
        fix: `grant ${permission} (grantGraphAppRoles), or grantGraphAppRolesRequiredBy to grant exactly what the configuration needs`,
      })));
    }
    for (const permission of granted.filter((g) => !needs.applicationPermissions.includes(g))) {
      const narrower = needs.applicationPermissions.filter((need) => covers(permission, need));
      warn(this, {
        rule: 'Graph permissions granted beyond what the configuration needs',
        message: `${this.grantee.node.path} holds ${permission} (${tierOf(permission)}), which ${this.requiredBy.node.path} does not need`
          + (narrower.length ? `: ${narrower.join(', ')} would do` : '') + '. Remove it to keep the identity least-privileged.',
      });
    }
  }
}
