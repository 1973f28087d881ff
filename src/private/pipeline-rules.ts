/**
 * Pure rules for the pipeline side: names and IDs as each platform accepts them, and the refusal of
 * anything that looks like a secret in a CI variable. Each cites where the rule comes from.
 */

import { Problem, Rule } from './problems';

/**
 * GitHub Actions variable names: letters, digits and "_", not starting with a digit, and not starting
 * with `GITHUB_` (`validateSecretNameFunc`, github/util.go, integrations/terraform-provider-github v6.13.0).
 */
export const githubVariableNameRule: Rule = (value) => {
  if (/^GITHUB_/i.test(value)) {
    return { problem: 'GitHub reserves variable names that start with GITHUB_', fix: `use e.g. "${value.replace(/^GITHUB_/i, 'GH_')}"` };
  }
  return shellNameRule('GitHub Actions variable names')(value);
};

/**
 * A name HCP Terraform exports into the run's environment: a POSIX shell variable name (letters,
 * digits and "_", not starting with a digit; IEEE Std 1003.1, Base Definitions 3.235 "Name").
 */
export const environmentVariableNameRule: Rule = shellNameRule('environment variable names');

function shellNameRule(what: string): Rule {
  return (value) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? undefined : {
    problem: `${what} have only letters, digits and "_", and do not start with a digit`,
    fix: `use e.g. "${value.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=[0-9])/, '_').toUpperCase() || 'NAME'}"`,
  };
}

/**
 * GitHub environment names: at most 255 characters (GitHub Docs, "Managing environments for
 * deployment"); never empty.
 */
export const githubEnvironmentNameRule: Rule = (value) => {
  if (value.trim().length === 0) return { problem: 'an environment name must not be empty', fix: 'pass the environment\'s name, e.g. "production"' };
  if (value.length > 255) return { problem: `GitHub environment names have at most 255 characters; this one has ${value.length}`, fix: `shorten it, e.g. "${value.slice(0, 255)}"` };
  return undefined;
};

/** HCP Terraform workspace IDs: `ws-` and 16 letters or digits (`workspaceIDRegexp`, internal/provider/resource_tfe_workspace.go, hashicorp/terraform-provider-tfe v0.80.0). */
export const workspaceIdRule: Rule = (value) => /^ws-[a-zA-Z0-9]{16}$/.test(value) ? undefined : {
  problem: 'an HCP Terraform workspace ID is "ws-" and 16 letters or digits',
  fix: 'copy the ID from the workspace\'s settings page, or give the workspace\'s name instead of its ID',
};

/**
 * Characters Azure DevOps refuses in project names: `/ : \ ~ & % ; @ ' " ? < > | # $ * } { , + = [ ]`
 * (Microsoft Learn, "Naming restrictions and conventions", Project names).
 */
const PROJECT_NAME_FORBIDDEN = /[\\/:~&%;@'"?<>|#$*{},+=[\]]/g;
/** ASCII control characters and lone or paired surrogates (the article's "Unicode control characters or surrogate characters"). */
const CONTROL_OR_SURROGATE = /[\u0000-\u001f\u007f\ud800-\udfff]/;
/** System reserved names and the IIS request-filtering segments the article lists for project names. */
const RESERVED_NAMES = /^(AUX|COM([1-9]|10)|CON|DefaultCollection|LPT[1-9]|NUL|PRN|SERVER|SignalR|Web|App_Browsers|App_code|App_Data|App_GlobalResources|App_LocalResources|App_Themes|App_WebResources|bin|web\.config)$/i;

/**
 * Azure DevOps project names: at most 64 characters, no control or surrogate characters, none of
 * `/ : \ ~ & % ; @ ' " ? < > | # $ * } { , + = [ ]`, not starting with "_", not starting or ending with
 * ".", and not a system reserved name (Microsoft Learn, "Naming restrictions and conventions", Project
 * names, https://learn.microsoft.com/azure/devops/organizations/settings/naming-restrictions).
 */
export const azureDevOpsProjectNameRule: Rule = (value) => {
  const suggestion = value.replace(PROJECT_NAME_FORBIDDEN, '-').replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, '').replace(/^[_.]+/, '').replace(/\.+$/, '').slice(0, 64) || 'Platform';
  const fix = `use the project's name as Azure DevOps shows it, e.g. "${suggestion}"`;
  if (value.trim().length === 0) return { problem: 'a project name must not be empty', fix };
  if (value.length > 64) return { problem: `Azure DevOps project names have at most 64 characters; this one has ${value.length}`, fix };
  if (CONTROL_OR_SURROGATE.test(value)) return { problem: 'Azure DevOps project names cannot contain control characters or surrogate characters (such as emoji)', fix };
  const bad = [...new Set(value.match(PROJECT_NAME_FORBIDDEN) ?? [])];
  if (bad.length) return { problem: `Azure DevOps project names cannot contain ${bad.map((c) => JSON.stringify(c)).join(', ')}`, fix };
  if (value.startsWith('_')) return { problem: 'an Azure DevOps project name cannot start with "_"', fix };
  if (value.startsWith('.') || value.endsWith('.')) return { problem: 'an Azure DevOps project name cannot start or end with "."', fix };
  if (RESERVED_NAMES.test(value)) return { problem: `"${value}" is a system reserved name in Azure DevOps`, fix: 'choose another project name' };
  return undefined;
};

/**
 * Service connection names: the provider refuses a name of only whitespace (`StringIsNotWhiteSpace`,
 * azuredevops/internal/service/serviceendpoint/commons.go, microsoft/terraform-provider-azuredevops v1.16.0).
 */
export const serviceConnectionNameRule: Rule = (value) => value.trim().length > 0 && value === value.trim() ? undefined : {
  problem: value.trim().length === 0 ? 'a service connection name must not be empty' : 'a service connection name must not start or end with whitespace',
  fix: `use "${value.trim() || 'azure-platform'}"`,
};

/** Words that mark a name as holding a secret, wherever they stand in it. */
const SECRET_WORDS: readonly string[] = ['SECRET', 'SECRETS', 'PASSWORD', 'PASSWD', 'PWD', 'TOKEN', 'PAT', 'CERT', 'CERTIFICATE', 'CREDENTIAL', 'CREDENTIALS', 'PEM', 'SAS'];
/** `KEY` marks a secret as the name's last word (`STORAGE_ACCOUNT_KEY`), or after one of these (`API_KEY_VALUE`). */
const KEY_QUALIFIERS: readonly string[] = ['ACCESS', 'PRIVATE', 'API', 'SHARED', 'ACCOUNT', 'MASTER', 'PRIMARY', 'SECONDARY', 'SIGNING'];
/** Names that end in one of these only point to a secret; names with one of the others describe something public. */
const POINTER_WORDS: readonly string[] = ['PATH', 'FILE', 'URL', 'URI', 'NAME', 'ID', 'VERSION'];
const PUBLIC_WORDS: readonly string[] = ['PUBLIC', 'THUMBPRINT', 'FINGERPRINT', 'SKU', 'EXPIRY', 'EXPIRATION'];

/**
 * The word of `name` that says it holds a secret, if any. camelCase and snake_case split alike, so
 * `clientSecret`, `CLIENT_SECRET` and `client-secret` are one name; `dbpassword` is caught whole.
 */
export function secretWordOf(name: string): string | undefined {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (words.length === 0 || POINTER_WORDS.includes(words[words.length - 1]) || words.some((w) => PUBLIC_WORDS.includes(w))) return undefined;
  const secret = words.find((w) => SECRET_WORDS.includes(w) || /PASSWORD|PASSWD|SECRET/.test(w));
  if (secret) return secret;
  const key = words.findIndex((w, i) => w === 'KEY' && (i === words.length - 1 || KEY_QUALIFIERS.includes(words[i - 1])));
  return key >= 0 ? words.slice(Math.max(0, key - 1), key + 1).join('_') : undefined;
}

/** A CI variable whose name says it holds a secret is refused: the library writes no secret anywhere. */
export function secretNameProblems(property: string, name: string): Problem[] {
  const secret = secretWordOf(name);
  if (!secret) return [];
  return [{
    property, value: name,
    problem: `the name says it holds a secret ("${secret}"), and the library writes plain, readable variables only`,
    fix: 'leave secrets out: keyless sign-in needs none; if the pipeline truly needs one, store it in the platform\'s secret store by hand',
  }];
}

/**
 * Literal values with the shape of a secret: a PEM block, a GitHub token, or an Entra client secret
 * (three characters, a digit and `Q~`, the form Entra has issued since 2021).
 */
export function secretValueProblems(property: string, value: string): Problem[] {
  const shape = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value) ? 'a private key'
    : /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}$|^github_pat_/.test(value) ? 'a GitHub token'
      : /^[A-Za-z0-9_.~-]{3}[0-9]Q~[A-Za-z0-9_.~-]{30,}$/.test(value) ? 'an Entra client secret' : undefined;
  return shape ? [{
    property, value: `${value.slice(0, 6)}...`,
    problem: `the value looks like ${shape}, and the library writes plain, readable variables only`,
    fix: 'remove it, and revoke it: it has been in your code',
  }] : [];
}
