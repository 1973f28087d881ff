import { IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { IdentityRoot } from '../private/identity-root';
import { isLiteral } from '../private/problems';
import { FIRST_PARTY_APP_IDS } from './graph-catalog.generated';

/** Readable construct ids for the first-party apps' service principals. */
const KNOWN_NAMES: { [appId: string]: string } = {
  [FIRST_PARTY_APP_IDS.MICROSOFT_GRAPH]: 'MicrosoftGraph',
  [FIRST_PARTY_APP_IDS.AZURE_DEVOPS]: 'AzureDevOps',
  [FIRST_PARTY_APP_IDS.SHAREPOINT_ONLINE]: 'SharePointOnline',
  [FIRST_PARTY_APP_IDS.EXCHANGE_ONLINE]: 'ExchangeOnline',
};

/**
 * The tenant's service principal of a resource app (Microsoft Graph, Azure DevOps...), read by one
 * `azuread_service_principal` data source per stack, shared by every grant in that stack. A resource
 * app ID that is a token cannot be keyed, so it gets a data source under `fallbackScope`.
 */
export function resourceServicePrincipal(fallbackScope: IConstruct, resourceAppId: string): DataAzureadServicePrincipal {
  if (!isLiteral(resourceAppId)) {
    return new DataAzureadServicePrincipal(fallbackScope, 'ResourceServicePrincipal', { clientId: resourceAppId });
  }
  const appId = resourceAppId.toLowerCase();
  const stack = TerraformStack.of(fallbackScope);
  const id = `${KNOWN_NAMES[appId] ?? `ResourceApp-${appId}`}ServicePrincipal`;
  const existing = stack.node.tryFindChild(id);
  return existing as DataAzureadServicePrincipal ?? new DataAzureadServicePrincipal(stack, id, { clientId: appId });
}

/**
 * The service principal's object ID, one token per data source: every attribute read makes cdktf
 * create a token and capture a full stack trace, and a stack's grants all point to the same value.
 */
export function objectIdOf(servicePrincipal: DataAzureadServicePrincipal): string {
  const objectIds = IdentityRoot.of(servicePrincipal).state('service principal object IDs@1', () => new Map<IConstruct, string>());
  let objectId = objectIds.get(servicePrincipal);
  if (objectId === undefined) objectIds.set(servicePrincipal, objectId = servicePrincipal.objectId);
  return objectId;
}
