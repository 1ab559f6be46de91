import { describe, expect, it } from 'vitest';
import { placeText } from './shared.js';

describe('placeText', () => {
  const unitLabel = (id: string) => (id === 'u1' ? 'North West' : id);
  const m = { geoDistrict: 'u1', geoStation: '8172030', geoStationName: { nameEn: 'Mukherjee Nagar', nameHi: 'मुखर्जी नगर' } };

  it('names the station in the UI’s language, then the district', () => {
    expect(placeText(m, unitLabel, 'hi')).toBe('मुखर्जी नगर, North West');
    expect(placeText(m, unitLabel, 'en')).toBe('Mukherjee Nagar, North West');
  });

  it('falls back to the station’s id when its names are not known, and leaves out what is missing', () => {
    expect(placeText({ ...m, geoStationName: null }, unitLabel, 'hi')).toBe('8172030, North West');
    expect(placeText({ geoDistrict: 'u1', geoStation: null, geoStationName: null }, unitLabel, 'en')).toBe('North West');
    expect(placeText({ geoDistrict: null, geoStation: null, geoStationName: null }, unitLabel, 'en')).toBe('');
  });
});
