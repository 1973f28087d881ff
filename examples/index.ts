import { App, TerraformStack } from 'cdktf';
import * as federation from './federation/main';
import * as identities from './identities/main';
import * as permissions from './permissions/main';
import * as providers from './providers/main';

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
];
