import { IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import type { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { IdentityRoot } from '../private/identity-root';
import { isLiteral } from '../private/problems';
import { azuread } from '../private/lazy-modules';
import { WellKnownApp } from './graph-permissions';

/** Readable construct ids for the first-party apps' service principals. */
const KNOWN_NAMES: { [appId: string]: string } = {
  [WellKnownApp.MICROSOFT_GRAPH]: 'MicrosoftGraph',
  [WellKnownApp.AZURE_DEVOPS]: 'AzureDevOps',
  [WellKnownApp.SHAREPOINT_ONLINE]: 'SharePointOnline',
  [WellKnownApp.EXCHANGE_ONLINE]: 'ExchangeOnline',
};

/**
 * The tenant's service principal of a resource app (Microsoft Graph, Azure DevOps...), read by one
 * `azuread_service_principal` data source per stack, shared by every grant in that stack. A resource
 * app ID that is a token cannot be keyed, so it gets a data source under `fallbackScope`.
 */
export function resourceServicePrincipal(fallbackScope: IConstruct, resourceAppId: string): DataAzureadServicePrincipal {
  if (!isLiteral(resourceAppId)) {
    return new (azuread.dataServicePrincipal().DataAzureadServicePrincipal)(fallbackScope, 'ResourceServicePrincipal', { clientId: resourceAppId });
  }
  const appId = resourceAppId.toLowerCase();
  const stack = TerraformStack.of(fallbackScope);
  const id = `${KNOWN_NAMES[appId] ?? `ResourceApp-${appId}`}ServicePrincipal`;
  const existing = stack.node.tryFindChild(id);
  return existing as DataAzureadServicePrincipal ?? new (azuread.dataServicePrincipal().DataAzureadServicePrincipal)(stack, id, { clientId: appId });
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
