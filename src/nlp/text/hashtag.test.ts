import { describe, expect, it } from 'vitest';
import { segmentHashtag } from './hashtag.js';

describe('segmentHashtag', () => {
  it('splits at CamelCase, digits and underscores', () => {
    expect(segmentHashtag('#DelhiRiots')).toEqual(['delhi', 'riots']);
    expect(segmentHashtag('#DPFightsBack')).toEqual(['dp', 'fights', 'back']);
    expect(segmentHashtag('#Covid19India')).toEqual(['covid', '19', 'india']);
    expect(segmentHashtag('#दिल्ली_पुलिस')).toEqual(['दिल्ली', 'पुलिस']);
    expect(segmentHashtag('stop_hate')).toEqual(['stop', 'hate']);
  });

  it('segments lower-case tags with the word list', () => {
    expect(segmentHashtag('#delhiriots')).toEqual(['delhi', 'riots']);
    expect(segmentHashtag('#isupportdelhipolice')).toEqual(['i', 'support', 'delhi', 'police']);
    expect(segmentHashtag('#modihaitohmumkinhai')).toEqual(['modi', 'hai', 'toh', 'mumkin', 'hai']);
  });

  it('keeps Delhi place names whole', () => {
    expect(segmentHashtag('#JahangirpuriViolence')).toEqual(['jahangirpuri', 'violence']);
    expect(segmentHashtag('#shaheenbaghprotest')).toEqual(['shaheenbagh', 'protest']);
  });

  it('does not shred names and capitalised words it does not know', () => {
    expect(segmentHashtag('#JusticeForShahabuddin')).toEqual(['justice', 'for', 'shahabuddin']);
    expect(segmentHashtag('#SushantSinghRajput')).toEqual(['sushant', 'singh', 'rajput']);
    expect(segmentHashtag('#CovidVaccine')).toEqual(['covid', 'vaccine']);
    expect(segmentHashtag('#Bengalisburning')).toEqual(['bengalis', 'burning']);
    expect(segmentHashtag('#xqzvbnmlkj')).toEqual(['xqzvbnmlkj']);
  });

  it('splits runs longer than the longest word and keeps their unknown stretches', () => {
    expect(segmentHashtag('#delhipolicedelhipolicedelhipolice')).toEqual(['delhi', 'police', 'delhi', 'police', 'delhi', 'police']);
    expect(segmentHashtag('#delhiqqqqzzzzxxxx')).toEqual(['delhi', 'qqqqzzzzxxxx']);
    expect(segmentHashtag('#policedelhi')).toEqual(['police', 'delhi']);
  });

  it('leaves a short or known word alone', () => {
    expect(segmentHashtag('#police')).toEqual(['police']);
    expect(segmentHashtag('#abc')).toEqual(['abc']);
    expect(segmentHashtag('#')).toEqual([]);
  });
});
