import { TOKEN_EXCHANGE_AUDIENCE, nonEmptyProblems } from '../../private/federation-rules';
import { given, requiredProblems } from '../../private/shape';
import { guid } from '../../private/rules';
import { Problem, isLiteral, literal, problemsOf } from '../../private/problems';
import { azureDevOpsProjectNameRule } from '../../private/pipeline-rules';
import { azureDevOpsOrganizationNameRule } from '../../private/platform-names';
import { TrustPlatform, TrustSpec } from '../trust-spec';

/** An Azure DevOps service connection, for `Trust.azureDevOps`. */
export interface AzureDevOpsTrustProps {
  /**
   * The service connection's issuer (`workloadIdentityFederationIssuer`, exported by
   * `azuredevops_serviceendpoint_azurerm` as `workload_identity_federation_issuer`).
   */
  readonly issuerUrl: string;
  /**
   * The service connection's subject (`workloadIdentityFederationSubject`, exported as
   * `workload_identity_federation_subject`). Read it, do not build it: its prefix is opaque.
   */
  readonly subject: string;
}

/** An Azure DevOps service connection using the legacy Azure DevOps issuer, for `Trust.azureDevOpsLegacy`. */
export interface AzureDevOpsLegacyTrustProps {
  /** The organization's ID (a GUID), not its name: the issuer is `https://vstoken.dev.azure.com/{organizationId}`. */
  readonly organizationId: string;
  /** The organization's name, as in `https://dev.azure.com/{organizationName}`. */
  readonly organizationName: string;
  /** The project's name. */
  readonly projectName: string;
  /** The service connection's name. */
  readonly serviceConnectionName: string;
}

/** A connection on the Entra issuer: issuer and subject are read from the connection, never built. */
export function azureDevOpsTrust(input: AzureDevOpsTrustProps): TrustSpec {
  const props = given(input);
  return {
    platform: TrustPlatform.AZURE_DEVOPS,
    issuer: props.issuerUrl,
    subject: props.subject,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    description: 'Azure DevOps service connection',
    problems: [...requiredProblems(props, ['issuerUrl', 'subject'], 'AzureDevOpsTrustProps'), ...legacySubjectProblems(props.issuerUrl, props.subject)],
  };
}

/**
 * A connection on the Entra issuer (`https://login.microsoftonline.com/{tenant}/v2.0`) carries an
 * opaque subject ending in `/sc/{organization ID}/{connection ID}`; `sc://{org}/{project}/{connection}`
 * is the subject of the Azure DevOps issuer (vstoken.dev.azure.com) only, so the pair never matches
 * (Microsoft Learn, "Troubleshoot workload identity service connections",
 * https://learn.microsoft.com/azure/devops/pipelines/release/troubleshoot-workload-identity).
 */
function legacySubjectProblems(issuer: string, subject: string): Problem[] {
  if (!isLiteral(issuer) || !isLiteral(subject) || !/^https:\/\/login\.microsoftonline\.com\/[^/]+\/v2\.0$/i.test(issuer) || !subject.startsWith('sc://')) return [];
  return [{
    property: 'subject', value: subject,
    problem: 'a service connection on the Entra issuer never sends an sc:// subject (that is the subject of the retiring Azure DevOps issuer), so no token would match',
    fix: 'copy the connection\'s workload_identity_federation_subject (workloadIdentityFederationSubject) as it is, or, for a connection still on the Azure DevOps issuer, use Trust.azureDevOpsLegacy',
  }];
}

/** Issuer `https://vstoken.dev.azure.com/{organizationId}`, subject `sc://{org}/{project}/{connection}`. */
export function azureDevOpsLegacyTrust(input: AzureDevOpsLegacyTrustProps): TrustSpec {
  const props = given(input);
  const organizationIdRule = guid('organization ID', 'Organization settings > Microsoft Entra, or the "accountId" of https://app.vssps.visualstudio.com/_apis/accounts');
  const problems = [
    ...requiredProblems(props, ['organizationId', 'organizationName', 'projectName', 'serviceConnectionName'], 'AzureDevOpsLegacyTrustProps'),
    ...literal(props.organizationId, (v) => {
      const violation = organizationIdRule(v);
      return violation ? [{ property: 'organizationId', value: v, ...violation, fix: `${violation.fix}; the issuer takes the organization's ID, not its name` }] : [];
    }),
    ...(['organizationName', 'projectName', 'serviceConnectionName'] as const).flatMap((key) => literal(props[key], (v) => nonEmptyProblems(key, v))),
    // A name Azure DevOps refuses never appears in a token's subject.
    ...problemsOf('organizationName', props.organizationName, azureDevOpsOrganizationNameRule),
    ...literal(props.projectName, (v) => (v.trim() ? problemsOf('projectName', v, azureDevOpsProjectNameRule) : [])),
  ];
  return {
    platform: TrustPlatform.AZURE_DEVOPS,
    issuer: `https://vstoken.dev.azure.com/${props.organizationId}`,
    subject: `sc://${props.organizationName}/${props.projectName}/${props.serviceConnectionName}`,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    description: `Azure DevOps service connection ${props.organizationName}/${props.projectName}/${props.serviceConnectionName}`,
    nameParts: ['ado', props.organizationName, props.projectName, props.serviceConnectionName],
    problems,
    warnings: [{
      rule: 'Azure DevOps service connections on the retiring issuer',
      message: 'The Azure DevOps issuer (vstoken.dev.azure.com) retires on 1 July 2027. Convert the service connection '
        + 'to the Entra issuer and use Trust.azureDevOps with its issuer and subject.',
    }],
  };
}
