import { IEntraPrincipal } from '../../core/principal';
import { Trust } from '../../federation/trust';
import { Problem, isLiteral } from '../../private/problems';
import { given } from '../../private/shape';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { AzureComputeRunnerProps } from '../runner-props';
import { TokenClaims } from '../token';


/**
 * IMDS's token endpoint on Azure VMs, scale sets and Container Instances (Microsoft Learn, "How to use
 * managed identities for Azure resources on an Azure VM to acquire an access token").
 */
const IMDS = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01';
/** The audience of a managed-identity token used as an app's credential (Microsoft Learn, "Configure an application to trust a managed identity"). */
const EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * A machine that wears a managed identity. Providers sign in as that identity through IMDS, or as an
 * app registration that trusts it (issuer `https://login.microsoftonline.com/{tenant}/v2.0`, subject
 * the identity's principal ID), with the identity's token in a file as the app's credential.
 */
export class AzureComputeRunner implements RunnerKind {
  public readonly platform = 'Azure compute';
  public readonly description: string;
  public readonly problems: Problem[] = [];
  private readonly machine?: IEntraPrincipal;
  private readonly tokenFilePath: string;

  constructor(input: AzureComputeRunnerProps) {
    const props = given(input);
    this.tokenFilePath = props.tokenFilePath ?? '.azure-identity-token';
    if (props.identity !== undefined && !isPrincipal(props.identity)) {
      this.problems.push({
        property: 'identity', value: JSON.stringify(props.identity) ?? String(props.identity), problem: 'this is not an identity',
        fix: 'pass the UserAssignedIdentity or SystemAssignedIdentity attached to the machine',
      });
    } else {
      this.machine = props.identity;
    }
    this.description = this.machine ? `Azure compute wearing ${this.machine.node.path}` : 'Azure compute wearing the identity signed in as';
    if (this.machine && !this.machine.signIn.viaManagedIdentity) {
      this.problems.push({
        property: 'identity', value: this.machine.node.path, problem: 'a machine wears managed identities only, and this is an app registration',
        fix: 'pass the user-assigned or system-assigned identity attached to the machine',
      });
    }
  }

  public tokensFor(identity: IEntraPrincipal): TokenClaims[] {
    if (identity.signIn.viaManagedIdentity || !this.machine) return [];
    const principalId = isLiteral(this.machine.principalId) ? this.machine.principalId.toLowerCase() : this.machine.principalId;
    return [{
      label: `${this.machine.node.path}'s managed-identity token`, issuer: `https://login.microsoftonline.com/${this.machine.tenantId}/v2.0`,
      subject: principalId, audience: EXCHANGE_AUDIENCE,
    }];
  }

  public trustsFor(identity: IEntraPrincipal): Trust[] {
    if (identity.signIn.viaManagedIdentity || !this.machine) return [];
    return [Trust.managedIdentity({ principalId: this.machine.principalId, tenantId: this.machine.tenantId })];
  }

  public trustHint(): string {
    return this.machine ? `Trust.managedIdentity({ principalId: ${this.machine.node.id}.principalId, tenantId })` : 'Trust.managedIdentity({ principalId, tenantId })';
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return identity.signIn.viaManagedIdentity
      ? ProviderAuth.managedIdentity({ identity, tenantId })
      : ProviderAuth.federatedToken({ identity, tenantId, tokenFilePath: this.tokenFilePath });
  }

  public signInProblems(identity: IEntraPrincipal): Problem[] {
    const machine = this.machine;
    if (identity.signIn.viaManagedIdentity) {
      if (!machine || samePrincipal(machine, identity)) return [];
      return [{
        property: 'runner', value: this.description,
        problem: `a managed-identity sign-in can use only an identity the machine wears, and it wears ${machine.node.path}, not ${identity.node.path}`,
        fix: `attach ${identity.node.path} to the machine (its identity block's identity_ids) and pass it as Runner.azureCompute({ identity }), or sign in as ${machine.node.path}`,
      }];
    }
    if (machine) return [];
    return [{
      property: 'runner', value: this.description,
      problem: `a machine cannot wear the app registration ${identity.node.path}`,
      fix: 'pass the identity the machine wears, Runner.azureCompute({ identity }): providers then sign in as the app with that identity\'s token, '
        + 'once the app trusts it (Trust.managedIdentity)',
    }];
  }

  public setupLines(identity: IEntraPrincipal): string[] {
    if (identity.signIn.viaManagedIdentity || !this.machine) return [];
    // Without client_id, IMDS answers for the system-assigned identity; a user-assigned one is chosen by client ID.
    const clientId = this.machine.signIn.clientId;
    const url = `${IMDS}&resource=${EXCHANGE_AUDIENCE}${clientId === undefined ? '' : `&client_id=${clientId}`}`;
    return [`curl -sSf -H Metadata:true '${url}' | jq -r .access_token > ${this.tokenFilePath}`];
  }
}

/** Whether a value is a principal at all (a plain JavaScript caller may pass anything). */
export function isPrincipal(value: unknown): value is IEntraPrincipal {
  const candidate = value as Partial<IEntraPrincipal> | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.node === 'object' && typeof candidate.signIn === 'object' && candidate.signIn !== null;
}

/** The same principal: the same object, or the same literal principal ID however it is referred to. */
function samePrincipal(a: IEntraPrincipal, b: IEntraPrincipal): boolean {
  if (a === b || a.principalId === b.principalId) return true;
  return isLiteral(a.principalId) && isLiteral(b.principalId) && a.principalId.toLowerCase() === b.principalId.toLowerCase();
}
