import { onFirstUse } from '../private/lazy-modules';
import type * as ProviderPermissions from './provider-permissions.generated';
import type { DeclaredPermissions } from './provider-permissions.generated';

/** The generated catalog, loaded when a least-privilege computation first needs it, not at import. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated = onFirstUse((): typeof ProviderPermissions => require('./provider-permissions.generated'));

/** The Terraform providers the catalog knows, by the prefix of their type names. */
const PROVIDER_PREFIXES: { [prefix: string]: string } = { microsoft365_: 'microsoft365', azuread_: 'azuread' };

/** The provider of a type name, when the catalog covers that provider. */
export function providerOfType(type: string): string | undefined {
  const prefix = Object.keys(PROVIDER_PREFIXES).find((p) => type.startsWith(p));
  return prefix ? PROVIDER_PREFIXES[prefix] : undefined;
}

/** What a type declares, keyed as Terraform addresses are (`type` or `data.type`). */
export function declaredPermissions(key: string): DeclaredPermissions | undefined {
  const declared = generated().DECLARED_PERMISSIONS;
  return Object.prototype.hasOwnProperty.call(declared, key) ? declared[key] : undefined;
}

/** The provider version the catalog was read from, by the provider's short name. */
export function catalogVersion(provider: string): string | undefined {
  return generated().SOURCES.find((s) => s.provider.endsWith(`/${provider}`))?.version;
}
