import { describe, expect, it } from 'vitest';
import { buildGazetteer, delhiGazetteer } from './gazetteer.js';
import { geotag, geotagWith } from './geotag.js';

const at = (text: string): string | null => {
  const g = geotag(text);
  return g === null ? null : `${g.district}/${g.station ?? '-'}`;
};

describe('geotag: police stations by name in three scripts', () => {
  it('finds a station named in English, Hinglish and Devanagari', () => {
    expect(at('Fire in a hotel in Karol Bagh, several injured')).toBe('8162/8162026');
    expect(at('karol bagh ke hotel me aag lagi')).toBe('8162/8162026');
    expect(at('करोल बाग़ के होटल में आग लगी')).toBe('8162/8162026');
    expect(at('करोल बाग के होटल में आग लगी')).toBe('8162/8162026');
    expect(at('Jahangirpuri mein shobha yatra par pathrav')).toBe('8172/8172014');
    expect(at('जहांगीरपुरी में हिंसा के बाद शांति')).toBe('8172/8172014');
    expect(at('jahangir puri me tanav')).toBe('8172/8172014');
    expect(at('Protest continues at Shaheen Bagh')).toBe('8955/8955020');
    expect(at('शाहीन बाग़ में धरना जारी')).toBe('8955/8955020');
    expect(at('shaheen baag me dharna')).toBe('8955/8955020');
    expect(at('Seelampur mein bheed')).toBe('8173/8173042');
    expect(at('जाफराबाद में तनाव')).toBe('8173/8173058');
    expect(at('Jaffrabad road block')).toBe('8173/8173058');
    expect(at('Mukherjee Nagar coaching centre fire')).toBe('8172/8172030');
    expect(at('मुखर्जी नगर में कोचिंग सेंटर')).toBe('8172/8172030');
  });

  it('matches whole words only', () => {
    expect(at('Chain snatching in Saket, the victim was hurt')).toBe('8167/8167056');
    expect(at('I bought a basket of mangoes')).toBeNull();
    expect(at('the saketball league')).toBeNull();
  });

  it('finds names inside hashtags and handles', () => {
    expect(at('#JahangirpuriViolence needs answers')).toBe('8172/8172014');
    expect(at('#ShaheenBagh')).toBe('8955/8955020');
    expect(at('@DCPSouthDelhi please look into this')).toBe('8167/-');
  });
});

describe('geotag: localities curated for the project', () => {
  it('maps colonies and landmarks to their police station', () => {
    expect(at('Chandni Chowk mein jebkatri')).toBe('8166/8166018');
    expect(at('चांदनी चौक में भीड़')).toBe('8166/8166018');
    expect(at('Jantar Mantar par pahalwano ka pradarshan')).toBe('8165/8165022');
    expect(at('जंतर मंतर पर धरना')).toBe('8165/8165022');
    expect(at('JNU mein hinsa hui')).toBe('8171/8171062');
    expect(at('Batla House encounter anniversary')).toBe('8955/8955004');
    expect(at('Chand Bagh violence case hearing')).toBe('8173/8173061');
    expect(at('Tihar jail se kaidi faraar')).toBe('8170/8170015');
    expect(at('Nizamuddin Markaz case')).toBe('8955/8955005');
    expect(at('South Ex market mein parking ki samasya')).toBe('8167/8167023');
  });

  it('stops at the district for a locality that spans stations', () => {
    const g = geotag('Vasant Kunj mein chori');
    expect(g).toMatchObject({ district: '8171', station: null, stationName: null });
    expect(g!.confidence).toBeLessThan(0.7);
    expect(at('Paschim Vihar me accident')).toBe('8174/-');
    expect(at('रोहिणी सेक्टर 7 में फायरिंग')).toBe('8959/-');
  });

  it('prefers the longest name', () => {
    // "Dwarka" alone is the district; "Dwarka Sector 23" is a station.
    expect(at('Dwarka sector 23 thana')).toBe('8176/8176005');
    expect(at('Dwarka mein baarish')).toBe('8176/-');
    expect(at('Hauz Khas Village brawl')).toBe('8167/8167017');
    expect(at('Paschim Vihar West thana')).toBe('8174/8174027');
  });
});

describe('geotag: ambiguous names', () => {
  it('uses railway, metro and station cues', () => {
    expect(at('Anand Vihar railway station par bheed')).toBe('8164/8164004');
    expect(at('Anand Vihar station se train pakdi to phone chori ho gaya')).toBe('8164/8164004');
    expect(at('आनंद विहार रेलवे स्टेशन पर भीड़')).toBe('8164/8164004');
    expect(at('Lajpat Nagar metro station par jebkatri')).toBe('8160/8160013');
    expect(at('rajiv chowk metro par bheed')).toBe('8160/8160012');
  });

  it('takes the territorial station without a cue, at lower confidence', () => {
    const plain = geotag('Anand Vihar mein chori ki vardat');
    expect(plain).toMatchObject({ district: '8957', station: '8957002' });
    const unique = geotag('Seelampur mein chori ki vardat');
    expect(plain!.confidence).toBeLessThan(unique!.confidence);
    // "police station" is not a railway cue.
    expect(at('Anand Vihar police station ke bahar')).toBe('8957/8957002');
    expect(at('rajiv chowk par bheed')).toBe('8165/8165011');
  });

  it('needs a cue for names that are everyday words', () => {
    expect(at('Welcome to Delhi, enjoy your stay')).toBeNull();
    expect(at('welcome thana ke paas jhagda')).toBe('8173/8173045');
    expect(at('CP ne aadesh diya')).toBeNull();
    expect(at('New Delhi mein baarish')).toBeNull();
    expect(at('New Delhi railway station par bhagdad')).toBe('8164/8164026');
  });

  it('does not take everyday words for places whose key they share', () => {
    expect(at('कहते तो हैं भले की लेकिन बुरी तरह')).toBeNull(); // बुरी "bad" ≈ Burari
    expect(at('बूढ़ी मां को खेत में छोड़ दिया')).toBeNull(); // बूढ़ी "old" ≈ Burari
    expect(at('लोगों की भावना का सम्मान करें')).toBeNull(); // भावना "feeling" ≈ Bawana
    expect(at('sach kaha na jaanu')).toBeNull(); // jaanu ≈ JNU
    expect(at('Arun Chawla ki chai pe charcha')).toBeNull(); // Chawla ≈ Chhawla
    expect(at('4 coaches of a train derail at Kanpur')).toBeNull(); // Kanpur ≈ Khanpur
    expect(at('भरपूर मनोरंजन')).toBeNull(); // भरपूर ≈ Babarpur
    // The places themselves still match.
    expect(at('Burari mein aag')).toBe('8166/8166052');
    expect(at('बुराड़ी में आग')).toBe('8166/8166052');
    expect(at('Bawana industrial area fire')).toBe('8991/8991004');
    expect(at('JNU mein hinsa')).toBe('8171/8171062');
    expect(at('जेएनयू में हिंसा')).toBe('8171/8171062');
  });

  it('reads police handles for places and ignores people', () => {
    expect(at('@DCPSouthDelhi please look into this')).toBe('8167/-');
    expect(at('@SaketGokhale said this today')).toBeNull();
  });

  it('drops names many places share when another state is named', () => {
    expect(at('Gandhinagar Gujarat mein rally')).toBeNull();
    expect(at('Civil Lines Allahabad')).toBeNull();
    expect(at('Kotwali police Saharanpur ne pakda')).toBeNull();
    expect(at('Mumbai Domestic Airport par baarish')).toBeNull();
    const delhi = geotag('Gandhi Nagar market mein aag');
    expect(delhi).toMatchObject({ district: '8957', station: '8957004' });
    const bare = geotag('Gandhi Nagar me kuch hua');
    expect(bare!.confidence).toBeLessThan(delhi!.confidence);
  });

  it('stays at the district when the candidates share one', () => {
    const gz = buildGazetteer({
      units: 'id,kind,name_en,name_hi,parent_id\n9001,district,Test,टेस्ट जिला,\n',
      stations: 'id,unit_id,name_en,name_hi,aliases\n9001001,9001,Ramnagar East,,Ram Nagar\n9001002,9001,Ramnagar West,,Ram Nagar\n',
      localities: 'name_en,name_hi,station_id,unit_id,aliases\n',
    });
    expect(geotagWith(gz, 'ram nagar me chori')).toMatchObject({ district: '9001', station: null, confidence: 0.55 });
    expect(geotagWith(gz, 'ramnagar east me chori')).toMatchObject({ district: '9001', station: '9001001' });
  });
});

describe('geotag: confidence and output', () => {
  it('reports what it matched and rises with a police word', () => {
    const g = geotag('Saket thana ke paas jhagda');
    expect(g).toEqual({
      district: '8167',
      districtName: 'South',
      station: '8167056',
      stationName: 'Saket',
      confidence: 0.95,
      matched: 'Saket',
    });
    expect(geotag('Saket mein jhagda')!.confidence).toBe(0.9);
  });

  it('returns null for text with no place', () => {
    expect(geotag('')).toBeNull();
    expect(geotag('kal raat bahut baarish hui')).toBeNull();
    expect(geotag('😡😡 https://t.co/x')).toBeNull();
  });

  it('rejects a locality row that names an unknown station', () => {
    expect(() =>
      buildGazetteer({
        units: 'id,kind,name_en,name_hi,parent_id\n9001,district,Test,,\n',
        stations: 'id,unit_id,name_en,name_hi,aliases\n',
        localities: 'name_en,name_hi,station_id,unit_id,aliases\nNowhere,,9999999,,\n',
      }),
    ).toThrow(/unknown station/);
  });

  it('loads every locality of the shipped file', () => {
    expect(delhiGazetteer().byFirst.size).toBeGreaterThan(400);
  });
});
