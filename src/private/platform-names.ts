/**
 * Pure rules for names that other platforms own and that end up inside a token's subject: a name the
 * platform refuses can never appear in a token, so a credential built from it would never match.
 * Each rule cites where it comes from. Empty values are left to the callers' own "must not be empty".
 */

import { Rule } from './problems';

/**
 * HCP Terraform organization names: letters, digits, "_" and "-" (HashiCorp, "Organizations
 * overview", https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/organizations,
 * "Create an organization").
 */
export const hcpOrganizationNameRule: Rule = (value) => !value.trim() || /^[A-Za-z0-9_-]+$/.test(value) ? undefined : {
  problem: 'HCP Terraform organization names have only letters, digits, "_" and "-"',
  fix: 'use the organization\'s name as it appears in https://app.terraform.io/app/{organization}',
};

/**
 * HCP Terraform project names: 3 to 40 characters, letters, digits, spaces, "_" and "-", not starting
 * or ending with a space (`name` of `tfe_project`: LengthBetween(3, 40) and `\A[\w\-][\w\- ]+[\w\-]\z`,
 * internal/provider/resource_tfe_project.go, hashicorp/terraform-provider-tfe v0.80.0).
 */
export const hcpProjectNameRule: Rule = (value) => {
  if (!value.trim()) return undefined;
  const fix = 'use the project\'s name exactly as HCP Terraform shows it, e.g. "Default Project"';
  if (value.length < 3 || value.length > 40) return { problem: `HCP Terraform project names have 3 to 40 characters; this one has ${value.length}`, fix };
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_ -]+[A-Za-z0-9_-]$/.test(value)) {
    return { problem: 'HCP Terraform project names have only letters, digits, spaces, "_" and "-", and do not start or end with a space', fix };
  }
  return undefined;
};

/**
 * Azure DevOps organization names: English letters, digits and "-", starting and ending with a letter
 * or digit, at most 50 characters (Microsoft Learn, "Naming restrictions and conventions", Organization
 * names, https://learn.microsoft.com/azure/devops/organizations/settings/naming-restrictions).
 */
export const azureDevOpsOrganizationNameRule: Rule = (value) => {
  if (!value.trim()) return undefined;
  const fix = 'use the name in https://dev.azure.com/{organization}, exactly';
  if (value.length > 50) return { problem: `Azure DevOps organization names have at most 50 characters; this one has ${value.length}`, fix };
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(value)) {
    return { problem: 'Azure DevOps organization names have only English letters, digits and "-", and start and end with a letter or digit', fix };
  }
  return undefined;
};

/**
 * A GitLab project's full path, `group/subgroup/project`: each part has only letters, digits, "_",
 * "-" and ".", does not start with "-", and does not end in ".git" or ".atom"; a group also does not
 * end in "." (`namespace_format_message` and `project_path_format_message`, lib/gitlab/path_regex.rb,
 * gitlabhq/gitlabhq).
 */
export const gitlabProjectPathRule: Rule = (value) => {
  const parts = value.split('/');
  const fix = 'copy the path from the project\'s URL, e.g. "my-group/my-project"';
  for (const [i, part] of parts.entries()) {
    const kind = i === parts.length - 1 ? 'a project path' : 'a group path';
    if (!/^[A-Za-z0-9_.-]+$/.test(part)) return { problem: `"${part}": ${kind} has only letters, digits, "_", "-" and "."`, fix };
    if (part.startsWith('-')) return { problem: `"${part}": ${kind} does not start with "-"`, fix };
    const suffix = /(\.git|\.atom)$/.exec(part);
    if (suffix) return { problem: `"${part}": ${kind} does not end in "${suffix[1]}" (GitLab refuses it, so no job's token carries it)`, fix: `use "${parts.map((p, j) => (j === i ? p.slice(0, -suffix[1].length) : p)).join('/')}" if that is the project` };
    if (i < parts.length - 1 && part.endsWith('.')) return { problem: `"${part}": a group path does not end in "."`, fix };
  }
  return undefined;
};
