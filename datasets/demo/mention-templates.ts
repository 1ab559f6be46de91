// Demo mentions for the sandbox stream: what a Delhi timeline looks like to a monitoring cell on
// a busy day. Rumours, crime reports, praise, complaints, traffic, festival crowds and chatter.
// Written for the project; authors are invented.
import type { LangKey } from '../chhavi-police/lib.js';

export type DemoTemplates = Record<string, Record<LangKey, string[]>>;

export const DEMO_TEMPLATES: DemoTemplates = {
  rumour: {
    en: [
      'FORWARD AS RECEIVED: a child-lifting gang is active in {place}, 3 kids missing since morning. Keep your children inside!!',
      'Heard the metro will be shut all day tomorrow because of some threat. Anyone confirm? #DelhiMetro',
      'Is it true that the army has been called to {place}? My cousin says curfew from 8 pm tonight.',
      'Someone is saying the water supply in {place} has been poisoned. Please do not drink tap water till confirmed!',
      'Viral video claims police firing in {place} today. Looks old to me, can\'t find any news. #FactCheck',
      'WhatsApp msg says banks in Delhi closed for 5 days from Monday. Fake or real?',
      'People in {place} saying a tiger was spotted near the nullah. There is a video but it looks like Madhya Pradesh.',
    ],
    hi: [
      'सावधान! {place} में बच्चा चोर गिरोह घूम रहा है, सुबह से तीन बच्चे लापता। सबको भेजें।',
      'सुना है कल पूरे दिन मेट्रो बंद रहेगी, किसी को पक्की ख़बर है?',
      'क्या सच में {place} में कर्फ़्यू लगने वाला है? व्हाट्सऐप पर मैसेज आ रहे हैं।',
      '{place} में पानी में ज़हर मिलाने की अफ़वाह फैल रही है, बिना पुष्टि के कुछ भी आगे न भेजें।',
      '{place} में पुलिस फ़ायरिंग का जो वीडियो वायरल है वो पुराना लगता है, कोई ख़बर नहीं मिली।',
    ],
    hil: [
      'bhai {place} me bachcha chor gang ghoom rahi hai, 3 bachche gayab, sabko forward karo',
      'kal poore din metro band rahegi kya? group pe msg aaya hai',
      '{place} me curfew lagne wala hai kya aaj raat? log bol rahe army aa gayi',
      '{place} ke paani me zeher ki afwaah hai, confirm karo koi pehle',
      'ye viral video {place} firing wala purana hai shayad, news me kuch nahi hai #FakeNews',
      'sun raha hu {place} me dange shuru ho gaye, koi batao sach hai kya',
    ],
  },
  crime: {
    en: [
      'Chain snatched from an elderly woman outside the {place} gurudwara a few minutes ago. Bikers fled towards {road}. @DelhiPolice',
      'My {item} got pickpocketed at {metro} metro. Blue line, 6 pm rush. Filed e-FIR.',
      'Fight outside a bar in {place}, glass everywhere, a guy is bleeding. Police van just arrived.',
      'Got a call from "customs" saying my parcel has drugs and I must pay {amount}. Scam alert, Delhi!',
      'Hit and run on {road} near {place}, a biker is injured, crowd gathering. Send ambulance.',
      'Burglary in our building in {place} last night, two flats, cash and jewellery gone.',
    ],
    hi: [
      '{place} गुरुद्वारे के बाहर अभी बुज़ुर्ग महिला की चेन छीनी गई, बदमाश {road} की तरफ़ भागे @DelhiPolice',
      '{metro} मेट्रो में भीड़ में मेरा {item} निकाल लिया गया, ई-FIR कर दी है।',
      '{place} में बार के बाहर मारपीट, एक युवक घायल, पुलिस पहुँची।',
      'कस्टम अधिकारी बनकर कॉल आया कि पार्सल में ड्रग्स है, {amount} माँगे, सावधान रहें।',
      '{road} पर {place} के पास हिट एंड रन, बाइक सवार घायल, एम्बुलेंस भेजिए।',
    ],
    hil: [
      '{place} gurudwara ke bahar abhi aunty ki chain chheen li, ladke {road} ki taraf bhaage @DelhiPolice',
      '{metro} metro me bheed me mera {item} maar liya kisi ne, e-FIR kar di',
      '{place} me bar ke bahar maar peet, ek banda ghayal, police aa gayi',
      'customs wala bann ke call aaya, parcel me drugs hai bol ke {amount} maang raha tha, scam hai sab',
      '{road} pe hit and run, {place} ke paas, bike wala ghayal pada hai',
      'raat ko hamari building me chori, {place} me 2 flat saaf kar diye',
    ],
  },
  praise: {
    en: [
      'Thank you @DelhiPolice for reuniting a lost 5-year-old with her parents at the {place} fair within 30 minutes. 🙏',
      'The PCR team in {place} stopped to help an accident victim and took him to AIIMS themselves. Salute.',
      'Shout-out to the traffic cop at {road} who was directing traffic in the pouring rain. #DilKiPolice',
      '{place} police recovered my stolen {vehicle} in {days} days. Did not expect it. Thank you!',
    ],
    hi: [
      '{place} मेले में खोई पाँच साल की बच्ची को पुलिस ने आधे घंटे में माता-पिता से मिलाया, धन्यवाद @DelhiPolice 🙏',
      'बारिश में {road} पर ट्रैफ़िक संभालते सिपाही को सलाम।',
      '{place} पुलिस ने चोरी हुई {vehicle} {days} दिन में बरामद कर दी, शुक्रिया।',
      'रात में गश्त करती पुलिस ने {place} में बीमार बुज़ुर्ग को अस्पताल पहुँचाया, सराहनीय।',
    ],
    hil: [
      '{place} mele me khoyi bachchi ko police ne 30 min me mila diya, thank you @DelhiPolice 🙏',
      'baarish me {road} pe traffic sambhalne wale police bhaiya ko salute #DilKiPolice',
      '{place} police ne meri chori hui {vehicle} {days} din me dhoondh di, wah',
      'raat ko patrolling wale {place} me ek uncle ko hospital le gaye, respect',
    ],
  },
  complaint: {
    en: [
      '@DelhiPolice no patrol in {place} after 11 pm for weeks. Chain snatchers know it too.',
      'Been to {place} police station twice, they will not take my complaint about the online fraud. Who do I approach?',
      '@dtptraffic cars parked on the footpath all along {place} market, pedestrians forced onto the road.',
      'Loud music from a farmhouse near {place} till 3 am, called 112 twice, nothing. Exams are going on!',
      'The e-FIR portal has been down all evening. How are people supposed to report theft?',
    ],
    hi: [
      '@DelhiPolice {place} में हफ़्तों से रात 11 बजे के बाद गश्त नहीं, झपटमार भी यह जानते हैं।',
      '{place} थाने के दो चक्कर लगा चुका हूँ, ऑनलाइन ठगी की शिकायत नहीं ले रहे।',
      '@dtptraffic {place} बाज़ार में फ़ुटपाथ पर गाड़ियाँ खड़ी, लोग सड़क पर चलने को मजबूर।',
      '{place} के फ़ार्महाउस में रात 3 बजे तक तेज़ संगीत, 112 पर दो बार फ़ोन किया, कुछ नहीं हुआ।',
    ],
    hil: [
      '@DelhiPolice {place} me hafton se raat 11 ke baad patrolling nahi, snatchers ko bhi pata hai',
      '{place} thane ke 2 chakkar laga chuka, online fraud ki complaint le hi nahi rahe',
      '@dtptraffic {place} market me footpath pe gaadiyan, log road pe chalne ko majboor',
      '{place} ke farmhouse me raat 3 baje tak DJ, 112 pe 2 baar call kiya, kuch nahi hua, exams chal rahe hai',
      'e-FIR portal shaam se down hai, chori report kaise kare log?',
    ],
  },
  traffic: {
    en: [
      'Massive jam on {road} right now, nothing moving for 40 minutes. Avoid if you can. #DelhiTraffic',
      'Waterlogging under the {place} underpass, a bus is stuck. Take the flyover.',
      'Signal at {place} crossing not working, traffic cops managing manually. Slow but moving.',
      'Diversion near {place} for the VIP route, expect delays till 6 pm. @dtptraffic',
    ],
    hi: [
      '{road} पर भारी जाम, 40 मिनट से गाड़ियाँ नहीं हिलीं, बचकर निकलें।',
      '{place} अंडरपास में जलभराव, एक बस फँसी है, फ़्लाईओवर से जाएँ।',
      '{place} चौराहे का सिग्नल बंद, ट्रैफ़िक पुलिस हाथ से संभाल रही है।',
      'वीआईपी मूवमेंट के लिए {place} के पास डायवर्जन, शाम 6 बजे तक देरी संभव।',
    ],
    hil: [
      '{road} pe bahut bada jam, 40 min se kuch nahi hila, avoid karo #DelhiTraffic',
      '{place} underpass me paani bhar gaya, bus phasi hai, flyover se jao',
      '{place} crossing ka signal band, traffic police haath se sambhal rahi hai',
      'VIP movement ki wajah se {place} ke paas diversion, 6 baje tak late hoga @dtptraffic',
    ],
  },
  festival: {
    en: [
      'Huge crowd at {place} market for {festival} shopping, barely room to walk. Keep your phones safe! #{festival}',
      'The {festival} celebrations at {place} are beautiful, police and volunteers managing the crowd well.',
      'Stampede-like situation at the {place} mela entry gate, kids crying. Organisers need to open more gates.',
      'Firecrackers still going at 2 am in {place} after {festival}. AQI already 400.',
    ],
    hi: [
      '{festival} की ख़रीदारी के लिए {place} बाज़ार में ज़बरदस्त भीड़, अपने फ़ोन सँभालकर रखें।',
      '{place} में {festival} का उत्सव बहुत सुंदर, पुलिस और स्वयंसेवक भीड़ अच्छे से संभाल रहे हैं।',
      '{place} मेले के गेट पर भगदड़ जैसे हालात, बच्चे रो रहे हैं, और गेट खोलने चाहिए।',
      '{festival} के बाद रात 2 बजे भी {place} में पटाखे, AQI 400 पार।',
    ],
    hil: [
      '{festival} shopping ke liye {place} market me itni bheed, phone sambhal ke rakhna sab',
      '{place} me {festival} ka celebration mast hai, police aur volunteers bheed achhe se sambhal rahe',
      '{place} mele ke gate pe dhakka mukki, bachche ro rahe, aur gate kholo yaar',
      '{festival} ke baad raat 2 baje bhi {place} me patakhe, AQI 400 paar',
    ],
  },
  chatter: {
    en: [
      'Sunday in {place}: {food}, chai and a long walk. Perfect.',
      'AQI 380 in {place} this morning. Mask on.',
      '{player} hundred and the whole of {place} is celebrating on the streets!',
      'New cafe in {place} has the best {food} I have had in years.',
    ],
    hi: [
      '{place} में रविवार: {food}, चाय और लंबी सैर।',
      'आज सुबह {place} में AQI 380, मास्क लगाकर निकलें।',
      '{player} का शतक, {place} की गलियों में जश्न!',
    ],
    hil: [
      '{place} me sunday: {food}, chai aur lambi walk, perfect',
      'aaj subah {place} me AQI 380, mask pehen ke niklo',
      '{player} ki century, {place} ki galiyon me jashn 🎉',
      '{place} ke naye cafe me {food} ekdum best hai',
    ],
  },
};

// Invented author handles: first names and suffixes that make no real person's handle.
export const AUTHOR_FIRST = ['aarav', 'meera', 'kabir', 'simran', 'rohan', 'ananya', 'imran', 'pooja', 'harpreet', 'nisha', 'deepak', 'farah', 'vikram', 'sana', 'arjun', 'kavya', 'manoj', 'ritu', 'zoya', 'gaurav'];
export const AUTHOR_SUFFIX = ['_dilli', '_delhi6', '.writes', '_in_ncr', '_k', '_speaks', '_88', '_2024', '_here', '_tweets', '_rwa', '_news_desk'];
