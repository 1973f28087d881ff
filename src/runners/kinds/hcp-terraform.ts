import { IEntraPrincipal } from '../../core/principal';
import { TerraformRunPhase } from '../../federation/platforms/terraform-cloud';
import { Trust } from '../../federation/trust';
import { Problem } from '../../private/problems';
import { enumProblems, given } from '../../private/shape';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { HcpTerraformRunnerProps } from '../runner-props';
import { TokenClaims } from '../token';


/**
 * An HCP Terraform run with dynamic credentials: one token per run phase, exchanged by HCP Terraform
 * itself for azurerm and azuread (microsoft365 and azuredevops have no such path).
 */
export class HcpTerraformRunner implements RunnerKind {
  public readonly platform = 'HCP Terraform';
  public readonly description: string;
  public readonly problems: Problem[];
  private readonly trusts: Trust[];

  constructor(input: HcpTerraformRunnerProps) {
    const props = given(input);
    const phases = props.runPhase === undefined ? [TerraformRunPhase.PLAN, TerraformRunPhase.APPLY] : [props.runPhase];
    this.trusts = phases.map((runPhase) => Trust.terraformCloud({ ...props, runPhase }));
    const phase = props.runPhase === undefined ? 'plan and apply' : props.runPhase;
    this.description = `HCP Terraform ${props.organization}/${props.project}/${props.workspace} (${phase})`;
    this.problems = [
      ...enumProblems('runPhase', props.runPhase, TerraformRunPhase, 'TerraformRunPhase'),
      ...this.trusts.flatMap((t) => t._problems),
    ].filter((p, i, all) => all.findIndex((q) => q.property === p.property && q.problem === p.problem) === i);
  }

  public tokensFor(): TokenClaims[] {
    return this.trusts.map((t) => ({ label: `the ${t.subject.split(':').pop()} phase's token`, issuer: t.issuer, subject: t.subject, audience: t.audience }));
  }

  public trustsFor(): Trust[] {
    return this.trusts;
  }

  public trustHint(): string {
    return `Trust.terraformCloudRunPhases(...) with subjects ${this.trusts.map((t) => `"${t.subject}"`).join(' and ')}`;
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return ProviderAuth.hcpTerraformDynamicCredentials({ identity, tenantId });
  }

  public signInProblems(): Problem[] {
    return [];
  }

  public setupLines(): string[] {
    return [];
  }
}
