import { IConstruct } from 'constructs';
import { ICredentialTarget } from '../core/principal';

/**
 * An Azure DevOps service connection that signs in with workload identity federation: where an
 * Azure Pipelines job gets its Azure token. The slot a runner in Azure Pipelines fills.
 */
export interface IServiceConnection extends IConstruct {
  /** The service connection's ID, a GUID (what `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID` takes). */
  readonly serviceConnectionId: string;
  /** The issuer of the tokens the connection presents, read from the connection. */
  readonly issuer: string;
  /** The subject of the tokens the connection presents, read from the connection. */
  readonly subject: string;
  /** The identity the connection signs in as. */
  readonly identity: ICredentialTarget;
  /** The tenant the connection signs in to. */
  readonly tenantId: string;
}
