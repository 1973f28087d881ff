import { Construct } from 'constructs';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { throwProblems } from '../private/problems';
import { checkedArgs, enumProblems, requiredProblems } from '../private/shape';
import { reviewFacts } from '../private/review-facts';
import { AzureDevOpsServicePrincipalEntitlement } from './azuredevops-service-principal-entitlement';

/** Access levels of an Azure DevOps organization member (`account_license_type`). */
export enum AzureDevOpsLicense {
  /** Basic (the provider calls it `express`): code, pipelines, boards. */
  BASIC = 'express',
  /** Stakeholder: free, limited to boards and pipelines' status. */
  STAKEHOLDER = 'stakeholder',
  /** Basic + Test Plans (`advanced`). */
  BASIC_AND_TEST_PLANS = 'advanced',
  /** Visual Studio subscriber (`professional`). */
  VISUAL_STUDIO_SUBSCRIBER = 'professional',
}

/** Properties of `AzureDevOpsAccess`. */
export interface AzureDevOpsAccessProps {
  /** The managed identity or app to add to the organization (or a `KeylessWorkload`). */
  readonly principal: IGrantable;
  /**
   * Its access level.
   * @default AzureDevOpsLicense.BASIC
   */
  readonly license?: AzureDevOpsLicense;
}

/**
 * Adds a managed identity or app to the Azure DevOps organization of the stack's azuredevops
 * provider (`azuredevops_service_principal_entitlement`), the step before it can act there:
 * Azure DevOps does not use Entra application permissions, it needs the principal as a member.
 *
 * @example
 * new AzureDevOpsAccess(platformStack, 'RunnerAccess', { principal: runner, license: AzureDevOpsLicense.BASIC });
 */
export class AzureDevOpsAccess extends Construct {
  /** The principal added to the organization. */
  public readonly principal: IEntraPrincipal;
  /** The access level. */
  public readonly license: AzureDevOpsLicense;
  /** The underlying entitlement resource (escape hatch). */
  public readonly resource: AzureDevOpsServicePrincipalEntitlement;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AzureDevOpsAccessProps) {
    super(checkedArgs('AzureDevOpsAccess.constructor', [scope, id, props]), id);
    throwProblems(this, [
      ...requiredProblems(props, ['principal'], 'AzureDevOpsAccessProps'),
      ...enumProblems('license', props?.license, AzureDevOpsLicense, 'AzureDevOpsLicense', 'it is not an Azure DevOps access level'),
    ]);
    this.principal = props.principal.grantPrincipal;
    this.license = props.license ?? AzureDevOpsLicense.BASIC;
    this.resource = new AzureDevOpsServicePrincipalEntitlement(this, 'Resource', {
      originId: this.principal.principalId,
      origin: 'aad',
      accountLicenseType: this.license,
    });
    reviewFacts(this).azureDevOps.push({ holder: this, principal: this.principal, accessLevel: this.license });
  }
}
