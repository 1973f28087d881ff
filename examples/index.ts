import { App, TerraformStack } from 'cdktf';
import * as azureDevOpsManagedIdentity from './azuredevops-managed-identity/main';
import * as azureDevOpsPipeline from './azuredevops-pipeline/main';
import * as federation from './federation/main';
import * as githubPipeline from './github-pipeline/main';
import * as hcpTerraformPipeline from './hcp-terraform-pipeline/main';
import * as identities from './identities/main';
import * as m365Kubernetes from './m365-kubernetes/main';
import * as m365UserAssigned from './m365-user-assigned/main';
import * as m365VmSystemAssigned from './m365-vm-system-assigned/main';
import * as permissions from './permissions/main';
import * as pipelines from './pipelines/main';
import * as providers from './providers/main';
import * as sharedIdentity from './shared-identity/main';

/** One runnable CDKTF app per scenario; each `build` adds its stacks to the given app. */
export interface Example {
  readonly name: string;
  readonly build: (app: App) => TerraformStack | TerraformStack[];
}

export const examples: Example[] = [
  { name: 'identities', build: identities.build },
  { name: 'federation', build: federation.build },
  { name: 'permissions', build: permissions.build },
  { name: 'providers', build: providers.build },
  { name: 'm365-vm-system-assigned', build: m365VmSystemAssigned.build },
  { name: 'm365-user-assigned', build: m365UserAssigned.build },
  { name: 'm365-kubernetes', build: m365Kubernetes.build },
  { name: 'azuredevops-managed-identity', build: azureDevOpsManagedIdentity.build },
  { name: 'shared-identity', build: sharedIdentity.build },
  { name: 'pipelines', build: pipelines.build },
  { name: 'github-pipeline', build: githubPipeline.build },
  { name: 'azuredevops-pipeline', build: azureDevOpsPipeline.build },
  { name: 'hcp-terraform-pipeline', build: hcpTerraformPipeline.build },
];
