import { synthesizeAllExamples } from './example-synth';

const SECRET_TYPES = [/^azuread_application_password$/, /^azuread_service_principal_password$/, /certificate/, /^github_.*secret$/, /^tfe_.*token$/];
const SECRET_ATTRIBUTES = [
  'client_secret', 'password', 'client_certificate', 'personal_access_token', 'client_certificate_password', 'client_secret_path', 'proxy_password',
  // the pipeline side: provider credentials (github, tfe), service connection keys, write-only values
  'token', 'app_auth', 'pem_file', 'serviceprincipalkey', 'serviceprincipalcertificate', 'value_wo',
];
/** The pipeline variables the library writes; each must be plain, and none may be named like a secret. */
const VARIABLE_TYPES: { [type: string]: string } = { tfe_variable: 'key', github_actions_environment_variable: 'variable_name', github_actions_variable: 'variable_name' };
const SECRET_NAME = /(^|_)(SECRET|PASSWORD|TOKEN|KEY|PAT|CERT|CERTIFICATE|CREDENTIALS?|PEM|SAS)(_|$)/i;

/** Every key path in a JSON value. */
function walk(value: unknown, at: string, visit: (key: string, path: string) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`, visit));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      visit(key, `${at}.${key}`);
      walk(v, `${at}.${key}`, visit);
    }
  }
}

test('no example creates or sets a secret', () => {
  const findings: string[] = [];
  const seen = new Set<string>();
  for (const [stack, text] of Object.entries(synthesizeAllExamples().files)) {
    const json = JSON.parse(text);
    for (const block of ['resource', 'data']) {
      for (const type of Object.keys(json[block] ?? {})) {
        if (SECRET_TYPES.some((pattern) => pattern.test(type))) findings.push(`${stack}: ${block} ${type}`);
      }
    }
    walk({ resource: json.resource, data: json.data, provider: json.provider }, stack, (key, where) => {
      if (SECRET_ATTRIBUTES.includes(key)) findings.push(`${where}`);
    });
    for (const [type, nameKey] of Object.entries(VARIABLE_TYPES)) {
      for (const [address, variable] of Object.entries<any>(json.resource?.[type] ?? {})) {
        seen.add(type);
        if (variable.sensitive !== undefined && variable.sensitive !== false) findings.push(`${stack}: ${type}.${address} is sensitive`);
        if (type === 'tfe_variable' && variable.category !== 'env') findings.push(`${stack}: ${type}.${address} is not an environment variable`);
        if (SECRET_NAME.test(variable[nameKey]) && !/_(PATH|FILE|URL|URI|ID)$/i.test(variable[nameKey])) findings.push(`${stack}: ${type}.${address} is named ${variable[nameKey]}`);
      }
    }
    if (json.resource?.azuredevops_serviceendpoint_azurerm) seen.add('azuredevops_serviceendpoint_azurerm');
  }
  expect(findings).toEqual([]);
  // The examples cover the pipeline side, so that the checks above judge real output.
  expect([...seen].sort()).toEqual(['azuredevops_serviceendpoint_azurerm', 'github_actions_environment_variable', 'github_actions_variable', 'tfe_variable']);
});

test('the walk would notice a secret', () => {
  const seen: string[] = [];
  walk({ provider: { azurerm: [{ client_secret: 'x' }] } }, 's', (key) => { if (SECRET_ATTRIBUTES.includes(key)) seen.push(key); });
  expect(seen).toEqual(['client_secret']);
});
