import { synthesizeAllExamples } from './example-synth';

const SECRET_TYPES = [/^azuread_application_password$/, /^azuread_service_principal_password$/, /certificate/];
const SECRET_ATTRIBUTES = ['client_secret', 'password', 'client_certificate', 'personal_access_token', 'client_certificate_password', 'client_secret_path', 'proxy_password'];

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
  }
  expect(findings).toEqual([]);
});

test('the walk would notice a secret', () => {
  const seen: string[] = [];
  walk({ provider: { azurerm: [{ client_secret: 'x' }] } }, 's', (key) => { if (SECRET_ATTRIBUTES.includes(key)) seen.push(key); });
  expect(seen).toEqual(['client_secret']);
});
