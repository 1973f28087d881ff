import { IEntraPrincipal } from '../../core/principal';
import { TOKEN_EXCHANGE_AUDIENCE } from '../../private/federation-rules';
import { Trust } from '../../federation/trust';
import { Problem } from '../../private/problems';
import { given } from '../../private/shape';
import { ProviderAuth } from '../../providers/provider-auth';
import { RunnerKind } from '../runner-kind';
import { AzurePipelinesRunnerProps } from '../runner-props';
import { IServiceConnection } from '../../core/service-connection';
import { TokenClaims } from '../token';


/**
 * A pipeline job that requests its token through a service connection. The token's issuer and
 * subject belong to the connection (opaque, never built), so they are known only from the connection object.
 */
export class AzurePipelinesRunner implements RunnerKind {
  public readonly platform = 'Azure Pipelines';
  public readonly description: string;
  public readonly problems: Problem[];
  private readonly connection?: IServiceConnection;
  private readonly connectionId: string;

  constructor(input: AzurePipelinesRunnerProps) {
    const props = given(input);
    this.connection = props.serviceConnection;
    this.connectionId = props.serviceConnectionId ?? props.serviceConnection?.serviceConnectionId ?? '';
    // A connection object of this app is named by its path: its ID is known only after apply.
    const path = (this.connection as { node?: { path?: unknown } } | undefined)?.node?.path;
    this.description = `Azure Pipelines, service connection ${typeof path === 'string' ? path : this.connectionId}`;
    this.problems = [];
    if (props.serviceConnection === undefined && props.serviceConnectionId === undefined) {
      this.problems.push({
        property: 'serviceConnection', value: undefined, problem: 'an Azure Pipelines job requests its token through a service connection',
        fix: 'pass serviceConnection (the connection object) or serviceConnectionId',
      });
    } else if (props.serviceConnection && props.serviceConnectionId !== undefined && props.serviceConnectionId !== props.serviceConnection.serviceConnectionId) {
      this.problems.push({
        property: 'serviceConnectionId', value: props.serviceConnectionId, problem: 'it names another connection than serviceConnection',
        fix: 'give only serviceConnection',
      });
    }
  }

  public tokensFor(): TokenClaims[] {
    return [{ label: 'the pipeline\'s token', issuer: this.connection?.issuer, subject: this.connection?.subject, audience: TOKEN_EXCHANGE_AUDIENCE }];
  }

  public trustsFor(): Trust[] {
    return this.connection ? [Trust.azureDevOps({ issuerUrl: this.connection.issuer, subject: this.connection.subject })] : [];
  }

  public trustHint(): string {
    return this.connection
      ? 'Trust.azureDevOps({ issuerUrl: connection.issuer, subject: connection.subject })'
      : 'Trust.azureDevOps({ issuerUrl, subject }) with the issuer and subject the service connection shows';
  }

  public providerAuth(identity: IEntraPrincipal, tenantId: string | undefined): ProviderAuth {
    return ProviderAuth.azureDevOpsOidc({ identity, tenantId, serviceConnectionId: this.connectionId });
  }

  public signInProblems(): Problem[] {
    return [];
  }

  public setupLines(): string[] {
    return [];
  }
}
