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
  readonly serviceConnectionId?: string;
}

/**
 * The settings of one sign-in, in order. A run-time value (`$NAME`, "the value of NAME where
 * Terraform runs") exists only in the environment form: a provider block cannot read a variable.
 */
export class SignInSettings {
  /** `block`: in both forms; `runtime`: copied from another variable at run time; `environment`: the environment form only. */
  private readonly items: Array<{ name: SettingName; value: string | boolean; form: 'block' | 'runtime' | 'environment' }> = [];

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

  /** The provider block's attributes. */
  public attributes(): { [attribute: string]: string | boolean } {
    return Object.fromEntries(this.items.filter((s) => s.form === 'block').map((s) => [s.name.attribute, s.value]));
  }

  /** The environment variables, as strings. */
  public environment(): { [variable: string]: string } {
    return Object.fromEntries(this.items.map((s) => [s.name.variable, String(s.value)]));
  }

  /** The variables whose value must come from the run's environment, as `NAME=$OTHER`. */
  public runtimeAssignments(): string[] {
    return this.items.filter((s) => s.form === 'runtime').map((s) => `${s.name.variable}=${s.value}`);
  }
}
