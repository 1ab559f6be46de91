import { describe, expect, it } from 'vitest';
import { scopeOf } from './UserForm.js';

describe('scopeOf', () => {
  it('sends no units for force-wide roles, whatever the form holds', () => {
    expect(scopeOf({ role: 'admin', allUnits: true, unitIds: ['north'] })).toEqual({ allUnits: false, unitIds: [] });
    expect(scopeOf({ role: 'leadership', allUnits: false, unitIds: ['north'] })).toEqual({ allUnits: false, unitIds: [] });
  });
  it('gives every unit only to roles that may have it', () => {
    expect(scopeOf({ role: 'analyst', allUnits: true, unitIds: ['north'] })).toEqual({ allUnits: true, unitIds: [] });
    expect(scopeOf({ role: 'district_officer', allUnits: true, unitIds: ['north', 'north'] })).toEqual({ allUnits: false, unitIds: ['north'] });
  });
});
