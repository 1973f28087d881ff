import { isLiteral, problemsOf } from '../../private/problems';
import { enumProblems, given, requiredProblems } from '../../private/shape';
import { guid, lowerGuid } from '../../private/rules';
import { TrustPlatform, TrustSpec } from '../trust-spec';

/** The Entra ID cloud of a managed identity used as a credential; decides issuer and audience. */
export enum EntraCloud {
  /** Global Azure: `login.microsoftonline.com`, audience `api://AzureADTokenExchange`. */
  PUBLIC = 'Public',
  /** Azure US Government: `login.microsoftonline.us`, audience `api://AzureADTokenExchangeUSGov`. */
  US_GOVERNMENT = 'USGovernment',
  /** Azure operated by 21Vianet: `login.partner.microsoftonline.cn`, audience `api://AzureADTokenExchangeChina`. */
  CHINA = 'China',
}

/** A user-assigned managed identity that an app trusts, for `Trust.managedIdentity`. */
export interface ManagedIdentityTrustProps {
  /** The managed identity's principal (object) ID; the token's subject. */
  readonly principalId: string;
  /** The tenant of the managed identity, which must be the app's tenant. */
  readonly tenantId: string;
  /**
   * The Entra cloud.
   * @default EntraCloud.PUBLIC
   */
  readonly cloud?: EntraCloud;
}

/** Hosts and audiences: Microsoft Learn, "Configure an application to trust a managed identity". */
const ENTRA_CLOUDS: { [cloud: string]: { host: string; audience: string } } = {
  [EntraCloud.PUBLIC]: { host: 'login.microsoftonline.com', audience: 'api://AzureADTokenExchange' },
  [EntraCloud.US_GOVERNMENT]: { host: 'login.microsoftonline.us', audience: 'api://AzureADTokenExchangeUSGov' },
  [EntraCloud.CHINA]: { host: 'login.partner.microsoftonline.cn', audience: 'api://AzureADTokenExchangeChina' },
};

/** Issuer `https://{login host}/{tenant}/v2.0`, subject the identity's principal ID, audience per cloud. Apps only. */
export function managedIdentityTrust(input: ManagedIdentityTrustProps): TrustSpec {
  const props = given(input);
  const cloud = props.cloud ?? EntraCloud.PUBLIC;
  const { host, audience } = ENTRA_CLOUDS[cloud] ?? ENTRA_CLOUDS[EntraCloud.PUBLIC];
  const problems = [
    ...requiredProblems(props, ['principalId', 'tenantId'], 'ManagedIdentityTrustProps'),
    ...problemsOf('principalId', props.principalId, guid('principal ID', 'the managed identity\'s "principalId"')),
    ...problemsOf('tenantId', props.tenantId, guid('tenant ID', 'the managed identity\'s "tenantId"')),
    ...enumProblems('cloud', props.cloud, EntraCloud, 'EntraCloud'),
  ];
  // Entra writes the principal ID and the tenant lower-case in the token's subject and issuer, and compares case-sensitively.
  const principalId = isLiteral(props.principalId) ? props.principalId.toLowerCase() : props.principalId;
  const tenantId = lowerGuid(props.tenantId);
  return {
    platform: TrustPlatform.MANAGED_IDENTITY,
    issuer: `https://${host}/${tenantId}/v2.0`,
    subject: principalId,
    audience,
    description: `Managed identity ${principalId}`,
    nameParts: ['mi', principalId],
    problems,
    appsOnly: 'Entra accepts a managed identity as a credential of an app registration, not of another managed identity',
    tenantId,
  };
}
