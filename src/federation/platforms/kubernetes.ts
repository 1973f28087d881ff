import {
  DNS1123_LABEL, DNS1123_SUBDOMAIN, TOKEN_EXCHANGE_AUDIENCE, dnsProblems,
} from '../../private/federation-rules';
import { isLiteral, literal } from '../../private/problems';
import { given, requiredProblems } from '../../private/shape';
import { TrustPlatform, TrustSpec } from '../trust-spec';

/** A Kubernetes service account, for `Trust.kubernetes`. */
export interface KubernetesTrustProps {
  /**
   * The cluster's OIDC issuer URL, exactly as it appears in the token's `iss` claim: on AKS,
   * `azurerm_kubernetes_cluster.oidc_issuer_url` or
   * `az aks show --query oidcIssuerProfile.issuerUrl` (it ends with `/`).
   */
  readonly issuerUrl: string;
  /** The service account's namespace. */
  readonly namespace: string;
  /** The service account's name. */
  readonly serviceAccountName: string;
}

/** Subject `system:serviceaccount:{namespace}:{name}`, audience what the azure-workload-identity webhook projects. */
export function kubernetesTrust(input: KubernetesTrustProps): TrustSpec {
  const props = given(input);
  const problems = [
    ...requiredProblems(props, ['issuerUrl', 'namespace', 'serviceAccountName'], 'KubernetesTrustProps'),
    ...literal(props.namespace, (v) => dnsProblems('namespace', v, DNS1123_LABEL, 'namespace')),
    ...literal(props.serviceAccountName, (v) => dnsProblems('serviceAccountName', v, DNS1123_SUBDOMAIN, 'service account name')),
  ];
  // AKS tokens carry the issuer with its trailing slash, and a credential without it no longer
  // matches (Azure/azure-workload-identity#1700).
  if (isLiteral(props.issuerUrl) && /\.oic\.prod-aks\.azure\.com\//.test(props.issuerUrl) && !props.issuerUrl.endsWith('/')) {
    problems.push({
      property: 'issuerUrl', value: props.issuerUrl,
      problem: 'AKS issuers end with "/", as in the tokens, and a credential without it never matches (AADSTS70021)',
      fix: `use "${props.issuerUrl}/", or the cluster's oidc_issuer_url attribute`,
    });
  }
  return {
    platform: TrustPlatform.KUBERNETES,
    issuer: props.issuerUrl,
    subject: `system:serviceaccount:${props.namespace}:${props.serviceAccountName}`,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    description: `Kubernetes service account ${props.namespace}/${props.serviceAccountName}`,
    nameParts: ['k8s', props.namespace, props.serviceAccountName],
    problems,
  };
}
