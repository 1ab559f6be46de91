import { describe, expect, it } from 'vitest';
import { isWithin, matchPath } from './match.js';

describe('matchPath', () => {
  it('matches literal segments and captures parameters', () => {
    expect(matchPath('/units/:id', '/units/north-west')).toEqual({ id: 'north-west' });
    expect(matchPath('/users', '/users')).toEqual({});
    expect(matchPath('/users', '/users/')).toEqual({});
  });
  it('decodes parameters and rejects broken encodings', () => {
    expect(matchPath('/units/:id', '/units/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/units/:id', '/units/%E0%A4')).toBeNull();
  });
  it('rejects other paths', () => {
    expect(matchPath('/units/:id', '/units')).toBeNull();
    expect(matchPath('/units/:id', '/users/x')).toBeNull();
    expect(matchPath('/', '/audit')).toBeNull();
  });
  it('tells whether a path lies under a section', () => {
    expect(isWithin('/units/north', '/units')).toBe(true);
    expect(isWithin('/unitsx', '/units')).toBe(false);
    expect(isWithin('/audit', '/')).toBe(false);
    expect(isWithin('/', '/')).toBe(true);
  });
});
