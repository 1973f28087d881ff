import { Fn, Lazy, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { isLiteral } from '../../src/private/problems';

describe('isLiteral', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const text = new TerraformVariable(stack, 'text', { type: 'string' });
  const names = new TerraformVariable(stack, 'names', { type: 'list(string)' });
  const resolvable = { resolve: () => 'x', creationStack: [], toString: () => 'x' };

  // Every public way to put a value only Terraform knows into a string, and a string built around one.
  const tokens: { [how: string]: string } = {
    'Token.asString': Token.asString(resolvable),
    'Token.asList element': Token.asList(resolvable)[0],
    'Lazy.stringValue': Lazy.stringValue({ produce: () => 'x' }),
    'Lazy.listValue element': Lazy.listValue({ produce: () => ['x'] })[0],
    'a variable': text.stringValue,
    'a list variable element': names.listValue[0],
    'Fn.join': Fn.join(',', names.listValue),
    'Fn.element': Fn.element(names.listValue, 0),
    'a token inside text': `prefix-${text.stringValue}-suffix`,
    'a list token inside text': `prefix-${names.listValue[0]}`,
  };

  test.each(Object.entries(tokens))('a string made by %s is not literal', (_how, value) => {
    expect(isLiteral(value)).toBe(false);
  });

  // A map token's key is a map marker (`&{TfToken[...]}`), not a value of a string prop, and
  // `Token.isUnresolved` does not call it unresolved either: both answers agree.
  test('a map token\'s key is judged as Token.isUnresolved judges it', () => {
    const key = Object.keys(Token.asStringMap(resolvable))[0];
    expect(key).toContain('TfToken[');
    expect(isLiteral(key)).toBe(!Token.isUnresolved(key) && !Token.isUnresolved([key]));
  });

  test.each(['', 'plain', '${not a token}', '#{TfToken}', 'TfToken', 'system:serviceaccount:ns:sa'])('the plain string %j is literal', (value) => {
    expect(isLiteral(value)).toBe(true);
  });

  test('undefined is not literal', () => {
    expect(isLiteral(undefined)).toBe(false);
  });
});
