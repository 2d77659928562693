import { describe, expect, it } from 'vitest';
import { renderUpdate, unknownVariables } from './update-template';

const vars = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  fullName: 'Ada Lovelace',
  company: '',
  myName: 'Grace',
};

describe('update template', () => {
  it('fills known variables, tolerating spaces inside the braces', () => {
    expect(renderUpdate('Hi {{firstName}}, {{ myName }} here', vars)).toBe('Hi Ada, Grace here');
  });
  it('never expands a value a second time and keeps values on one line', () => {
    expect(renderUpdate('Hi {{firstName}}', { ...vars, firstName: '{{myName}}\nX' })).toBe('Hi {{myName}} X');
  });
  it('reports unknown variables once each and leaves them in place', () => {
    expect(unknownVariables('{{firstname}} {{foo}} {{foo}} {{firstName}}')).toEqual(['firstname', 'foo']);
    expect(renderUpdate('{{foo}}', vars)).toBe('{{foo}}');
  });
});
