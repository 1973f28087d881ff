import { Construct } from 'constructs';
import { ICredentialTarget } from '../core/principal';
import { invalid, isLiteral, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { AzureDevOpsServiceConnection } from './azure-devops-service-connection';

/** Two service connections of one project, for `PlanApplyIdentities.azureDevOps`. Give `projectName` or `projectId`. */
export interface AzureDevOpsPlanApplyOptions {
  /**
   * The project's name.
   * @default - give projectId
   */
  readonly projectName?: string;
  /**
   * The project's ID, a GUID.
   * @default - give projectName
   */
  readonly projectId?: string;
  /** The name of the plan stage's service connection, e.g. `terraform-plan`. */
  readonly planConnectionName: string;
  /** The name of the apply stage's service connection, e.g. `terraform-apply` (protect it with an approval check). */
  readonly applyConnectionName: string;
  /** The subscription both connections target. */
  readonly subscriptionId: string;
  /** The subscription's display name. */
  readonly subscriptionName: string;
}

/** Properties of an `AzureDevOpsPlanApply`. */
export interface AzureDevOpsPlanApplyProps extends AzureDevOpsPlanApplyOptions {
  /** The read-only identity the plan connection signs in as. */
  readonly planIdentity: ICredentialTarget;
  /** The identity the apply connection signs in as. */
  readonly applyIdentity: ICredentialTarget;
  /**
   * The tenant both connections sign in to.
   * @default - each identity's tenant
   */
  readonly tenantId?: string;
}

/**
 * Two workload identity federation service connections, one per identity: the plan stage uses the
 * read-only one, the apply stage the other (put an approval check on it in Azure DevOps).
 *
 * @example
 * new AzureDevOpsPlanApply(stack, 'Platform', {
 *   planIdentity, applyIdentity, projectName: 'Platform', planConnectionName: 'terraform-plan', applyConnectionName: 'terraform-apply',
 *   subscriptionId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', subscriptionName: 'Platform production',
 * });
 */
export class AzureDevOpsPlanApply extends Construct {
  /** The plan stage's connection. */
  public readonly plan: AzureDevOpsServiceConnection;
  /** The apply stage's connection. */
  public readonly apply: AzureDevOpsServiceConnection;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AzureDevOpsPlanApplyProps) {
    super(checkedArgs('AzureDevOpsPlanApply.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props,
      ['planIdentity', 'applyIdentity', 'planConnectionName', 'applyConnectionName', 'subscriptionId', 'subscriptionName'], 'AzureDevOpsPlanApplyProps'));
    if (isLiteral(props.planConnectionName) && isLiteral(props.applyConnectionName)
      && props.planConnectionName.toLowerCase() === props.applyConnectionName.toLowerCase()) {
      throw invalid(this, {
        property: 'applyConnectionName', value: props.applyConnectionName,
        problem: 'the plan connection has the same name, and Azure DevOps allows one service connection of a name in a project',
        fix: 'give the two connections different names, e.g. "terraform-plan" and "terraform-apply"',
      });
    }
    const shared = {
      tenantId: props.tenantId, projectName: props.projectName, projectId: props.projectId,
      subscriptionId: props.subscriptionId, subscriptionName: props.subscriptionName,
    };
    this.plan = new AzureDevOpsServiceConnection(this, 'Plan', { ...shared, identity: props.planIdentity, connectionName: props.planConnectionName });
    this.apply = new AzureDevOpsServiceConnection(this, 'Apply', { ...shared, identity: props.applyIdentity, connectionName: props.applyConnectionName });
  }
}
