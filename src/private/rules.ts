/**
 * Pure validation rules. Each returns `undefined` for a good value, or the problem and its fix.
 * They know nothing of constructs or tokens: `check()` and `problemsOf()` in problems.ts add both.
 */

import { Rule, isLiteral } from './problems';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The nil GUID: the placeholder of documentation and templates, never a real tenant, app or principal. */
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** Whether a value is a GUID in its 8-4-4-4-12 form. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * A GUID as the library writes it: lower case, as Entra and ARM return IDs, so that one ID is
 * written one way everywhere (a trust's issuer, a principal ID, a provider's tenant). Anything
 * else (a token, a value that is not a GUID) is returned as given.
 */
export function lowerGuid(value: string): string;
export function lowerGuid(value: string | undefined): string | undefined;
export function lowerGuid(value: string | undefined): string | undefined {
  return isLiteral(value) && GUID.test(value) ? value.toLowerCase() : value;
}

/** A GUID in its 8-4-4-4-12 form, with no braces, and not the nil GUID. */
export function guid(what: string, whereToFindIt: string): Rule {
  return (value) => {
    if (value === NIL_GUID) {
      return { problem: `the nil GUID is a placeholder, not a ${what}: Entra and Azure never issue it`, fix: `pass the real ${what} (${whereToFindIt})` };
    }
    if (GUID.test(value)) return undefined;
    const unbraced = value.trim().replace(/^\{(.*)\}$/, '$1');
    const fix = GUID.test(unbraced) && unbraced !== value
      ? `use "${unbraced}" (no braces or spaces)`
      : `pass the ${what} as a GUID, 8-4-4-4-12 hexadecimal digits (${whereToFindIt})`;
    return { problem: `${what} must be a GUID`, fix };
  };
}

export const tenantIdRule = guid('tenant ID', 'Entra ID > Overview > Tenant ID, or `az account show --query tenantId`');
export const clientIdRule = guid('client ID', 'the identity\'s or app\'s "Client ID" / "Application (client) ID"');
export const principalIdRule = guid('principal ID', 'the object ID of the service principal, e.g. `az identity show --query principalId`');
export const objectIdRule = guid('object ID', 'the directory object\'s "Object ID"');

/**
 * `/subscriptions/{guid}/resourceGroups/{rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}`.
 * ARM treats the segment names case-insensitively, so this does too.
 */
const IDENTITY_RESOURCE_ID =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([^/]+)$/i;

export function parseIdentityResourceId(value: string): { subscriptionId: string; resourceGroupName: string; name: string } | undefined {
  const match = IDENTITY_RESOURCE_ID.exec(value);
  if (!match || !GUID.test(match[1])) return undefined;
  return { subscriptionId: match[1], resourceGroupName: match[2], name: match[3] };
}

export const identityResourceIdRule: Rule = (value) => {
  const parsed = parseIdentityResourceId(value);
  if (!parsed) {
    return {
      problem: 'a user-assigned identity resource ID must look like /subscriptions/{subscription GUID}/resourceGroups/{group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}',
      fix: 'copy the "id" from `az identity show -g GROUP -n NAME --query id -o tsv`',
    };
  }
  // The name inside the ID follows the naming rule of the identities Azure creates: no such identity has another.
  const name = identityNameRule(parsed.name);
  return name && {
    problem: `the identity name "${parsed.name}" in this resource ID cannot exist: ${name.problem}`,
    fix: 'copy the "id" from `az identity show -g GROUP -n NAME --query id -o tsv`; an ID typed by hand may have lost or changed characters',
  };
};

/**
 * Azure's rule for user-assigned identity names: 3 to 128 letters, digits, "-" and "_", starting with
 * a letter or digit (Microsoft Learn, "Naming rules and restrictions for Azure resources",
 * Microsoft.ManagedIdentity userAssignedIdentities,
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftmanagedidentity).
 */
const IDENTITY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/;

export const identityNameRule: Rule = (value) => {
  if (IDENTITY_NAME.test(value)) return undefined;
  let problem: string;
  if (value.length < 3) problem = `an identity name needs 3 to 128 characters, this one has ${value.length}`;
  else if (value.length > 128) problem = `an identity name needs 3 to 128 characters, this one has ${value.length}`;
  else if (!/^[a-zA-Z0-9]/.test(value)) problem = `an identity name must start with a letter or digit, not "${value[0]}"`;
  else {
    const bad = [...new Set(value.replace(/[a-zA-Z0-9_-]/g, ''))].map((c) => `"${c}"`).join(', ');
    problem = `an identity name may contain only letters, digits, "-" and "_"; found ${bad}`;
  }
  return { problem, fix: `choose a name matching ${IDENTITY_NAME.source}, e.g. "${suggestIdentityName(value)}"` };
};

function suggestIdentityName(value: string): string {
  let name = value.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '').slice(0, 128);
  if (name.length < 3) name = name ? `${name}-identity` : 'id-workload';
  return name;
}

function nonEmpty(what: string, example: string): Rule {
  return (value) => value.trim().length > 0 ? undefined : {
    problem: `${what} must not be empty`,
    fix: `pass a ${what} such as "${example}"`,
  };
}

export const locationRule = nonEmpty('location', 'westeurope');

/**
 * Azure resource tags (Microsoft Learn, "Use tags to organize your Azure resources and management
 * hierarchy", https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources):
 * at most 50 tags on a resource; a tag name has at most 512 characters and none of < > % & \ ? /;
 * a value has at most 256 characters.
 */
export function tagProblems(tags: { [name: string]: string }): Array<{ property: string; value: string; problem: string; fix: string }> {
  const names = Object.keys(tags);
  const problems: Array<{ property: string; value: string; problem: string; fix: string }> = [];
  if (names.length > 50) {
    problems.push({ property: 'tags', value: `${names.length} tags`, problem: `Azure allows at most 50 tags on a resource; this identity has ${names.length}`, fix: 'keep 50 tags or fewer' });
  }
  for (const name of names) {
    if (!isLiteral(name)) continue;
    const bad = [...new Set(name.replace(/[^<>%&\\?/]/g, ''))];
    if (name.length > 512 || bad.length || !name.trim()) {
      const why = !name.trim() ? 'a tag name must not be empty' : name.length > 512 ? `a tag name has at most 512 characters; this one has ${name.length}`
        : `a tag name cannot hold ${bad.map((c) => JSON.stringify(c)).join(', ')}`;
      problems.push({ property: `tags["${name}"]`, value: name, problem: why, fix: `use a name such as "${name.replace(/[<>%&\\?/]+/g, '-').trim().slice(0, 512) || 'team'}"` });
    }
    const value = tags[name];
    if (isLiteral(value) && value.length > 256) {
      problems.push({ property: `tags["${name}"]`, value, problem: `a tag value has at most 256 characters; this one has ${value.length}`, fix: 'shorten the value' });
    }
  }
  return problems;
}

/** Microsoft Graph limits an application's displayName to 256 characters (application resource type). */
export const displayNameRule: Rule = (value) => nonEmpty('display name', 'terraform-intune-ci')(value) ?? (value.length > 256 ? {
  problem: `Microsoft Graph allows at most 256 characters in an app's display name; this one has ${value.length}`,
  fix: `shorten it, e.g. "${value.slice(0, 256).trim()}"`,
} : undefined);

/**
 * The description of an app registration: at most 1,024 characters (`description` of
 * `azuread_application`, StringLenBetween(0, 1024), internal/services/applications/application_resource.go,
 * hashicorp/terraform-provider-azuread v3.7.0).
 */
export const appDescriptionRule: Rule = (value) => value.length <= 1024 ? undefined : {
  problem: `an app registration's description has at most 1,024 characters; this one has ${value.length}`,
  fix: `shorten it, e.g. "${value.slice(0, 60).trim()}..." (at most 1,024 characters)`,
};

/**
 * The description of a federated identity credential: at most 600 characters (Microsoft Graph,
 * federatedIdentityCredential resource type, `description`; `description` of
 * `azuread_application_flexible_federated_identity_credential`, StringLenBetween(0, 600),
 * internal/services/applications/application_flexible_federated_identity_credential_resource.go,
 * hashicorp/terraform-provider-azuread v3.7.0).
 */
export const credentialDescriptionRule: Rule = (value) => value.length <= 600 ? undefined : {
  problem: `a federated credential's description has at most 600 characters; this one has ${value.length}`,
  fix: `shorten it, e.g. "${value.slice(0, 60).trim()}..." (at most 600 characters)`,
};

/** A description the library derives (from a long GitLab path or ref, say), cut to what a credential holds; shorter ones stay as they are. */
export function fittedCredentialDescription(value: string): string {
  return value.length <= 600 ? value : `${value.slice(0, 597)}...`;
}

/**
 * Azure's rule for resource group names (Microsoft Learn, "Naming rules and restrictions for Azure
 * resources", Microsoft.Resources/resourcegroups): 1 to 90 letters, digits, "_", "-", "." and
 * parentheses, not ending with ".".
 */
export const resourceGroupNameRule: Rule = (value) => {
  const empty = nonEmpty('resource group name', 'rg-identity')(value);
  if (empty) return empty;
  const suggestion = value.trim().replace(/[^\p{L}\p{N}_.()-]+/gu, '-').replace(/\.+$/, '').slice(0, 90) || 'rg-identity';
  const fix = `use the group's name as Azure shows it, e.g. "${suggestion}"`;
  if (value.length > 90) return { problem: `a resource group name has at most 90 characters; this one has ${value.length}`, fix };
  const bad = /^[A-Za-z0-9_.()-]*$/.test(value) ? [] : [...new Set(value.replace(/[\p{L}\p{N}_.()-]/gu, ''))];
  if (bad.length) {
    return { problem: `a resource group name has only letters, digits, "_", "-", "." and parentheses; found ${bad.map((c) => JSON.stringify(c)).join(', ')}`, fix };
  }
  if (value.endsWith('.')) return { problem: 'a resource group name cannot end with "."', fix };
  return undefined;
};
