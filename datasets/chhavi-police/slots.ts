// Slot fillers for the templates, per language. Hindi item nouns are masculine and vehicle
// nouns feminine so that the templates' verb agreement holds for every filler.
import type { LangKey } from './lib.js';

export type SlotTable = Record<string, Record<LangKey, string[]>>;

interface Place {
  en: string;
  hi: string;
  /** romanised spellings people type, lower-case */
  hil: string[];
}

// Real Delhi localities and colonies, in English, Devanagari and romanised spellings.
const PLACES: Place[] = [
  { en: 'Lajpat Nagar', hi: 'लाजपत नगर', hil: ['lajpat nagar', 'lajpat ngr', 'lajpatnagar'] },
  { en: 'Saket', hi: 'साकेत', hil: ['saket'] },
  { en: 'Karol Bagh', hi: 'करोल बाग़', hil: ['karol bagh', 'karolbagh'] },
  { en: 'Chandni Chowk', hi: 'चांदनी चौक', hil: ['chandni chowk', 'chandni chauk'] },
  { en: 'Connaught Place', hi: 'कनॉट प्लेस', hil: ['CP', 'connaught place'] },
  { en: 'Rohini Sector 7', hi: 'रोहिणी सेक्टर 7', hil: ['rohini sec 7', 'rohini sector 7'] },
  { en: 'Dwarka Sector 10', hi: 'द्वारका सेक्टर 10', hil: ['dwarka sec 10', 'dwarka sector 10'] },
  { en: 'Janakpuri', hi: 'जनकपुरी', hil: ['janakpuri', 'janak puri'] },
  { en: 'Mayur Vihar Phase 1', hi: 'मयूर विहार फेज़ 1', hil: ['mayur vihar ph 1', 'mayur vihar'] },
  { en: 'Laxmi Nagar', hi: 'लक्ष्मी नगर', hil: ['laxmi nagar', 'lakshmi nagar'] },
  { en: 'Shahdara', hi: 'शाहदरा', hil: ['shahdara'] },
  { en: 'Seelampur', hi: 'सीलमपुर', hil: ['seelampur', 'silampur'] },
  { en: 'Jamia Nagar', hi: 'जामिया नगर', hil: ['jamia nagar'] },
  { en: 'Okhla', hi: 'ओखला', hil: ['okhla'] },
  { en: 'Sarita Vihar', hi: 'सरिता विहार', hil: ['sarita vihar'] },
  { en: 'Kalkaji', hi: 'कालकाजी', hil: ['kalkaji'] },
  { en: 'Greater Kailash', hi: 'ग्रेटर कैलाश', hil: ['GK 1', 'greater kailash', 'GK'] },
  { en: 'Hauz Khas', hi: 'हौज़ ख़ास', hil: ['hauz khas', 'hauzkhas'] },
  { en: 'Malviya Nagar', hi: 'मालवीय नगर', hil: ['malviya nagar', 'malviya ngr'] },
  { en: 'Vasant Kunj', hi: 'वसंत कुंज', hil: ['vasant kunj'] },
  { en: 'Munirka', hi: 'मुनिरका', hil: ['munirka'] },
  { en: 'Rajouri Garden', hi: 'राजौरी गार्डन', hil: ['rajouri garden', 'rajori garden'] },
  { en: 'Tilak Nagar', hi: 'तिलक नगर', hil: ['tilak nagar'] },
  { en: 'Uttam Nagar', hi: 'उत्तम नगर', hil: ['uttam nagar'] },
  { en: 'Paschim Vihar', hi: 'पश्चिम विहार', hil: ['paschim vihar'] },
  { en: 'Pitampura', hi: 'पीतमपुरा', hil: ['pitampura', 'pitam pura'] },
  { en: 'Shalimar Bagh', hi: 'शालीमार बाग़', hil: ['shalimar bagh'] },
  { en: 'Model Town', hi: 'मॉडल टाउन', hil: ['model town'] },
  { en: 'Mukherjee Nagar', hi: 'मुखर्जी नगर', hil: ['mukherjee nagar', 'mukharjee nagar'] },
  { en: 'Burari', hi: 'बुराड़ी', hil: ['burari'] },
  { en: 'Narela', hi: 'नरेला', hil: ['narela'] },
  { en: 'Mangolpuri', hi: 'मंगोलपुरी', hil: ['mangolpuri', 'mangol puri'] },
  { en: 'Sultanpuri', hi: 'सुल्तानपुरी', hil: ['sultanpuri'] },
  { en: 'Jahangirpuri', hi: 'जहांगीरपुरी', hil: ['jahangirpuri', 'jahangir puri'] },
  { en: 'Azadpur', hi: 'आज़ादपुर', hil: ['azadpur'] },
  { en: 'Kamla Nagar', hi: 'कमला नगर', hil: ['kamla nagar'] },
  { en: 'Paharganj', hi: 'पहाड़गंज', hil: ['paharganj', 'pahar ganj'] },
  { en: 'Daryaganj', hi: 'दरियागंज', hil: ['daryaganj'] },
  { en: 'Sadar Bazar', hi: 'सदर बाज़ार', hil: ['sadar bazar', 'sadar bazaar'] },
  { en: 'Nehru Place', hi: 'नेहरू प्लेस', hil: ['nehru place'] },
  { en: 'Govindpuri', hi: 'गोविंदपुरी', hil: ['govindpuri', 'govind puri'] },
  { en: 'Sangam Vihar', hi: 'संगम विहार', hil: ['sangam vihar'] },
  { en: 'Badarpur', hi: 'बदरपुर', hil: ['badarpur'] },
  { en: 'Mehrauli', hi: 'महरौली', hil: ['mehrauli', 'mehroli'] },
  { en: 'Chhatarpur', hi: 'छतरपुर', hil: ['chhatarpur', 'chattarpur'] },
  { en: 'Najafgarh', hi: 'नजफ़गढ़', hil: ['najafgarh'] },
  { en: 'Palam', hi: 'पालम', hil: ['palam'] },
  { en: 'Mahipalpur', hi: 'महिपालपुर', hil: ['mahipalpur'] },
  { en: 'Preet Vihar', hi: 'प्रीत विहार', hil: ['preet vihar'] },
  { en: 'Vivek Vihar', hi: 'विवेक विहार', hil: ['vivek vihar'] },
  { en: 'Krishna Nagar', hi: 'कृष्णा नगर', hil: ['krishna nagar'] },
  { en: 'Gandhi Nagar', hi: 'गांधी नगर', hil: ['gandhi nagar'] },
  { en: 'Jaffrabad', hi: 'जाफ़राबाद', hil: ['jaffrabad', 'jafrabad'] },
  { en: 'Bhajanpura', hi: 'भजनपुरा', hil: ['bhajanpura'] },
  { en: 'Karawal Nagar', hi: 'करावल नगर', hil: ['karawal nagar'] },
  { en: 'Patel Nagar', hi: 'पटेल नगर', hil: ['patel nagar'] },
  { en: 'Punjabi Bagh', hi: 'पंजाबी बाग़', hil: ['punjabi bagh'] },
  { en: 'Kirti Nagar', hi: 'कीर्ति नगर', hil: ['kirti nagar'] },
  { en: 'Sarojini Nagar', hi: 'सरोजिनी नगर', hil: ['sarojini nagar', 'sarojini'] },
  { en: 'Rajinder Nagar', hi: 'राजिंदर नगर', hil: ['rajinder nagar', 'rajendra nagar'] },
  { en: 'Vikaspuri', hi: 'विकासपुरी', hil: ['vikaspuri'] },
  { en: 'Kalyanpuri', hi: 'कल्याणपुरी', hil: ['kalyanpuri'] },
  { en: 'Trilokpuri', hi: 'त्रिलोकपुरी', hil: ['trilokpuri'] },
  { en: 'Ashok Vihar', hi: 'अशोक विहार', hil: ['ashok vihar'] },
  { en: 'Adarsh Nagar', hi: 'आदर्श नगर', hil: ['adarsh nagar'] },
  { en: 'Defence Colony', hi: 'डिफेंस कॉलोनी', hil: ['defence colony', 'def col'] },
  { en: 'Shaheen Bagh', hi: 'शाहीन बाग़', hil: ['shaheen bagh'] },
  { en: 'Geeta Colony', hi: 'गीता कॉलोनी', hil: ['geeta colony'] },
  { en: 'Nangloi', hi: 'नांगलोई', hil: ['nangloi'] },
  { en: 'Bawana', hi: 'बवाना', hil: ['bawana'] },
];

const METRO: Place[] = [
  { en: 'Rajiv Chowk', hi: 'राजीव चौक', hil: ['rajiv chowk', 'rajiv chauk'] },
  { en: 'Kashmere Gate', hi: 'कश्मीरी गेट', hil: ['kashmere gate', 'kashmiri gate'] },
  { en: 'Hauz Khas', hi: 'हौज़ ख़ास', hil: ['hauz khas'] },
  { en: 'Central Secretariat', hi: 'केंद्रीय सचिवालय', hil: ['central sectt', 'central secretariat'] },
  { en: 'Mandi House', hi: 'मंडी हाउस', hil: ['mandi house'] },
  { en: 'New Delhi', hi: 'नई दिल्ली', hil: ['new delhi'] },
  { en: 'Chandni Chowk', hi: 'चांदनी चौक', hil: ['chandni chowk'] },
  { en: 'Dwarka Sector 21', hi: 'द्वारका सेक्टर 21', hil: ['dwarka sec 21'] },
  { en: 'Yamuna Bank', hi: 'यमुना बैंक', hil: ['yamuna bank'] },
  { en: 'Anand Vihar', hi: 'आनंद विहार', hil: ['anand vihar'] },
  { en: 'INA', hi: 'आईएनए', hil: ['INA'] },
  { en: 'Karol Bagh', hi: 'करोल बाग़', hil: ['karol bagh'] },
  { en: 'Rithala', hi: 'रिठाला', hil: ['rithala'] },
  { en: 'Samaypur Badli', hi: 'समयपुर बादली', hil: ['samaypur badli'] },
  { en: 'Vishwavidyalaya', hi: 'विश्वविद्यालय', hil: ['vishwavidyalaya', 'VV metro'] },
  { en: 'Lajpat Nagar', hi: 'लाजपत नगर', hil: ['lajpat nagar'] },
  { en: 'Botanical Garden', hi: 'बॉटनिकल गार्डन', hil: ['botanical garden'] },
  { en: 'Janakpuri West', hi: 'जनकपुरी वेस्ट', hil: ['janakpuri west'] },
];

const ROADS: Place[] = [
  { en: 'Ring Road', hi: 'रिंग रोड', hil: ['ring road'] },
  { en: 'Outer Ring Road', hi: 'आउटर रिंग रोड', hil: ['outer ring road'] },
  { en: 'Mathura Road', hi: 'मथुरा रोड', hil: ['mathura road'] },
  { en: 'Vikas Marg', hi: 'विकास मार्ग', hil: ['vikas marg'] },
  { en: 'NH-48', hi: 'एनएच-48', hil: ['NH 48', 'NH48'] },
  { en: 'the DND flyway', hi: 'डीएनडी', hil: ['DND'] },
  { en: 'Rohtak Road', hi: 'रोहतक रोड', hil: ['rohtak road'] },
  { en: 'MB Road', hi: 'एमबी रोड', hil: ['MB road', 'mehrauli badarpur road'] },
  { en: 'Aurobindo Marg', hi: 'अरबिंदो मार्ग', hil: ['aurobindo marg'] },
  { en: 'the Ashram flyover', hi: 'आश्रम फ्लाईओवर', hil: ['ashram flyover', 'ashram chowk'] },
  { en: 'ITO', hi: 'आईटीओ', hil: ['ITO'] },
  { en: 'Dhaula Kuan', hi: 'धौला कुआं', hil: ['dhaula kuan', 'dhaula kuan'] },
  { en: 'Wazirabad Road', hi: 'वज़ीराबाद रोड', hil: ['wazirabad road'] },
  { en: 'Pusa Road', hi: 'पूसा रोड', hil: ['pusa road'] },
];

function fromPlaces(list: Place[]): Record<LangKey, string[]> {
  return {
    en: list.map((p) => p.en),
    hi: list.map((p) => p.hi),
    hil: list.flatMap((p) => p.hil),
  };
}

export const SLOTS: SlotTable = {
  place: fromPlaces(PLACES),
  metro: fromPlaces(METRO),
  road: fromPlaces(ROADS),
  item: {
    en: ['phone', 'mobile', 'purse', 'wallet', 'laptop bag', 'iPhone', 'bag', 'handbag'],
    hi: ['फ़ोन', 'मोबाइल', 'पर्स', 'बटुआ', 'लैपटॉप', 'बैग', 'आईफ़ोन'],
    hil: ['phone', 'mobile', 'purse', 'wallet', 'laptop', 'bag', 'iphone', 'fone'],
  },
  vehicle: {
    en: ['bike', 'scooty', 'car', 'Activa', 'motorcycle', 'Splendor'],
    hi: ['बाइक', 'स्कूटी', 'कार', 'गाड़ी', 'एक्टिवा'],
    hil: ['bike', 'scooty', 'car', 'gaadi', 'activa', 'gadi'],
  },
  time: {
    en: ['last night', 'this morning', 'around 9 pm', 'an hour ago', 'yesterday evening', 'today at noon', 'just now', 'on Sunday night'],
    hi: ['कल रात', 'आज सुबह', 'रात 9 बजे', 'एक घंटा पहले', 'कल शाम', 'आज दोपहर', 'अभी अभी', 'रविवार रात'],
    hil: ['kal raat', 'aaj subah', 'raat 9 baje', 'ek ghante pehle', 'kal shaam', 'aaj dopahar', 'abhi abhi', 'sunday raat', '10 min pehle'],
  },
  hours: {
    en: ['2', '3', '4', 'two', 'three'],
    hi: ['2', '3', '4', 'दो', 'तीन'],
    hil: ['2', '3', '4', 'do', 'teen'],
  },
  days: {
    en: ['3', '5', '10', '15', 'four'],
    hi: ['3', '5', '10', '15', 'चार'],
    hil: ['3', '5', '10', '15', 'char'],
  },
  amount: {
    en: ['Rs 45,000', '₹12,500', '₹2 lakh', 'Rs 8000', '₹98,000', '1.5 lakh rupees'],
    hi: ['45,000 रुपये', '₹12,500', '2 लाख रुपये', '8000 रुपये', '₹98,000', 'डेढ़ लाख'],
    hil: ['45k', '₹12,500', '2 lakh', '8000 rs', '98 hazaar', 'dedh lakh'],
  },
  police: {
    en: ['@DelhiPolice', '@DelhiPolice', '@DelhiPolice', '@DCPSouthDelhi', '@DCPEastDelhi', '@DCPNewDelhi', '@DCPWestDelhi', '@DCPNorthDelhi'],
    hi: ['@DelhiPolice', '@DelhiPolice', '@DelhiPolice', '@DCPSouthDelhi', '@DCPEastDelhi', '@DCPNewDelhi', '@DCPShahdara'],
    hil: ['@DelhiPolice', '@DelhiPolice', '@DelhiPolice', '@DCPSouthDelhi', '@DCPEastDelhi', '@DCPOuterDelhi', '@DCPNWestDelhi'],
  },
  traffic: {
    en: ['@dtptraffic', '@dtptraffic', '@DelhiPolice'],
    hi: ['@dtptraffic', '@dtptraffic', '@DelhiPolice'],
    hil: ['@dtptraffic', '@dtptraffic', '@DelhiPolice'],
  },
  festival: {
    en: ['Diwali', 'Holi', 'Chhath', 'Eid', 'Durga Puja', 'Navratri', 'Christmas', 'Gurpurab', 'Dussehra', 'Raksha Bandhan'],
    hi: ['दिवाली', 'होली', 'छठ', 'ईद', 'दुर्गा पूजा', 'नवरात्रि', 'क्रिसमस', 'गुरुपर्व', 'दशहरा', 'रक्षाबंधन'],
    hil: ['diwali', 'holi', 'chhath', 'eid', 'durga puja', 'navratri', 'christmas', 'gurpurab', 'dussehra', 'rakhi'],
  },
  n: {
    en: ['2', '3', '4', '5', 'two', 'three'],
    hi: ['2', '3', '4', '5', 'दो', 'तीन'],
    hil: ['2', '3', '4', '5', 'do', 'teen'],
  },
  food: {
    en: ['chole bhature', 'momos', 'butter chicken', 'parathas', 'golgappe', 'kulfi', 'biryani', 'rajma chawal'],
    hi: ['छोले भटूरे', 'मोमोज़', 'बटर चिकन', 'पराठे', 'गोलगप्पे', 'कुल्फ़ी', 'बिरयानी', 'राजमा चावल'],
    hil: ['chole bhature', 'momos', 'butter chicken', 'parathe', 'golgappe', 'kulfi', 'biryani', 'rajma chawal'],
  },
  player: {
    en: ['Kohli', 'Rohit', 'Bumrah', 'Gill', 'Pant', 'Jadeja', 'Rahul'],
    hi: ['कोहली', 'रोहित', 'बुमराह', 'गिल', 'पंत', 'जडेजा', 'राहुल'],
    hil: ['kohli', 'rohit', 'bumrah', 'gill', 'pant', 'jaddu', 'virat'],
  },
};
