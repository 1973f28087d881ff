import { Problem } from '../../private/problems';

/** One provider setting: its name in the provider block and in the environment, side by side. */
export interface SettingName {
  /** The attribute as the binding takes it (camelCase for prebuilt bindings, the schema's snake_case for hand-written ones; dots nest). */
  readonly attribute: string;
  /** The environment variable the provider reads instead. */
  readonly variable: string;
}

/** The facts of a sign-in a renderer needs, in the form `ProviderAuth` holds them. */
export interface SignInFacts {
  readonly method: string;
  readonly clientId?: string;
  readonly resourceId?: string;
  readonly tokenFilePath?: string;
  /** The environment variable that holds the federated token itself (a GitLab `id_tokens` variable, say). */
  readonly tokenEnvironmentVariable?: string;
  readonly serviceConnectionId?: string;
  /** Whether the sign-in exchanges a federated token, so that the provider's authorizer needs a tenant. */
  readonly federated: boolean;
}

/** Where a form of the sign-in is read: the provider block (with what the run exports) or the environment form. */
export type SignInForm = 'block' | 'environment';

/**
 * The settings of one sign-in, in order. A run-time value (`$NAME`, "the value of NAME where
 * Terraform runs") exists only in the environment form: a provider block cannot read a variable.
 */
export class SignInSettings {
  /** `block`: in both forms; `runtime`: copied from another variable at run time; `environment`: the environment form only. */
  private readonly items: Array<{ name: SettingName; value: string | boolean; form: 'block' | 'runtime' | 'environment' }> = [];
  /** Variables that would beat this sign-in if the run had them: emptied in the environment form, to unset with the block. */
  private readonly stray: string[] = [];
  /** Variables that beat the provider block only: the environment form sets its own, which win over them. */
  private readonly strayForBlock: string[] = [];
  /** Whether the provider reads each variable before its block's attribute (microsoft365). */
  private environmentWins = false;
  private readonly refused: Problem[] = [];
  private tenant?: { name: SettingName; readByProvider?: string; provider: string; source: string };

  /** Adds a setting; does nothing for an undefined value. */
  public set(name: SettingName, value: string | boolean | undefined): this {
    if (value !== undefined) this.items.push({ name, value, form: 'block' });
    return this;
  }

  /** Adds `$variable`, a value only the run's environment knows. */
  public fromRuntime(name: SettingName, variable: string): this {
    this.items.push({ name, value: `$${variable}`, form: 'runtime' });
    return this;
  }

  /** Adds a variable that only the environment form can carry, with a value as the pipeline writes it. */
  public environmentOnly(variable: string, value: string): this {
    this.items.push({ name: { attribute: '', variable }, value, form: 'environment' });
    return this;
  }

  /**
   * Variables that silently beat this sign-in when the run has them. Each provider named here reads
   * an empty value as unset, so the environment form empties them; with the block form the pipeline
   * must unset them. A variable the sign-in itself sets is never emptied.
   */
  public defeats(...variables: string[]): this {
    this.stray.push(...variables);
    return this;
  }

  /**
   * The provider reads its variables before its block (microsoft365): a run that uses the block must
   * unset the variable of every attribute the block sets, and `variables` besides.
   */
  public environmentBeatsBlock(...variables: string[]): this {
    this.environmentWins = true;
    this.strayForBlock.push(...variables);
    return this;
  }

  /** A sign-in this provider cannot perform at all, with the reason and the fix. */
  public refuse(problem: Problem): this {
    this.refused.push(problem);
    return this;
  }

  /**
   * The setting that carries the tenant, for the rule that every federated sign-in has one; a provider
   * that reads a variable by itself when neither form carries it (an AKS webhook's `AZURE_TENANT_ID`) names it.
   */
  public tenantIn(name: SettingName, provider: string, source: string, readByProvider?: string): this {
    this.tenant = { name, provider, source, readByProvider };
    return this;
  }

  /** The provider block's attributes. */
  public attributes(): { [attribute: string]: string | boolean } {
    return Object.fromEntries(this.items.filter((s) => s.form === 'block').map((s) => [s.name.attribute, s.value]));
  }

  /** The environment variables, as strings: what the sign-in sets, and the stray variables it empties. */
  public environment(): { [variable: string]: string } {
    const set = Object.fromEntries(this.items.map((s) => [s.name.variable, String(s.value)]));
    const emptied = Object.fromEntries(this.stray.filter((v) => !(v in set)).map((v) => [v, '']));
    return { ...set, ...emptied };
  }

  /** The variables whose value must come from the run's environment, as `NAME=$OTHER`. */
  public runtimeAssignments(): string[] {
    return this.items.filter((s) => s.form === 'runtime').map((s) => `${s.name.variable}=${s.value}`);
  }

  /** The stray variables a run that uses the provider block must unset (the block cannot empty a variable). */
  public mustUnset(): string[] {
    const block = this.items.filter((s) => s.form === 'block').map((s) => s.name.variable);
    const stray = this.stray.filter((v) => !block.includes(v));
    return [...new Set(this.environmentWins ? [...block, ...stray, ...this.strayForBlock] : stray)];
  }

  /** Why this sign-in cannot work in `form`: a provider with no path for it, or a federated sign-in without a tenant. */
  public problems(auth: SignInFacts, form: SignInForm): Problem[] {
    const problems = [...this.refused];
    const tenant = this.tenant;
    if (auth.federated && tenant && !tenant.readByProvider) {
      const carried = this.items.some((s) => s.name === tenant.name && (form === 'environment' || s.form === 'block'));
      if (!carried) {
        problems.push({
          property: 'tenantId', value: undefined,
          problem: `${tenant.provider} exchanges a federated token only with a tenant, and reads it from ${tenant.source}; `
            + `this ${form === 'block' ? 'provider block' : 'environment form'} carries none`,
          fix: form === 'block' ? 'pass tenantId to the provider or to the auth' : 'pass tenantId to the auth',
        });
      }
    }
    return problems;
  }
}
