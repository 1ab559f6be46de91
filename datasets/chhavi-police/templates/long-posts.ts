// Longer, rambling, script-mixed posts written whole: the shape real posts often have and
// short templates miss (several sentences, asides, Devanagari words in romanised text).
import { COMPLAINT, CRIME, CRIME_COMPLAINT, NONE, POLICE, PRAISE, type TemplateSet } from '../lib.js';

export const longPostSets: TemplateSet[] = [
  {
    name: 'long-crime',
    labels: CRIME,
    variants: 3,
    tone: 'worried',
    addressed: true,
    tags: { en: ['#DelhiCrime'], hi: ['#दिल्ली'], hil: ['#DelhiCrime'] },
    en: [
      'So this happened to me today. Was walking back from the {place} market with groceries around 8, a bike slowed down next to me and the guy behind just yanked my {item} out of my hand. Took two seconds. My hand is still shaking. Please be careful on that stretch, it is badly lit.',
      'PSA for people in {place}: someone has been breaking into parked cars on our street, three cars this week including mine. Window smashed, laptop bag gone. Filed the e-FIR, sharing the CCTV clip with the police.',
      'My dad got a call from someone pretending to be from the electricity department saying the connection would be cut tonight unless he paid through a link. He paid {amount} before I could stop him. Please talk to your parents about these calls.',
      'Just witnessed a road rage incident at {road}, two men got out of an SUV and beat up an e-rickshaw driver with a stick because he scratched their car. People were filming instead of helping. The driver was bleeding from the head.',
    ],
    hi: [
      'आज शाम {place} में जो हुआ, अब भी यक़ीन नहीं हो रहा। मैं ऑटो से उतरी ही थी कि पीछे से बाइक आई और मेरा {item} छीनकर चली गई। बाइक पर नंबर प्लेट नहीं थी। कृपया उस गली में सावधान रहें।',
      '{place} वाले ध्यान दें: हमारी गली में इस हफ़्ते तीन गाड़ियों के शीशे तोड़कर सामान चोरी हुआ, मेरी गाड़ी भी। ई-FIR कर दी है और सीसीटीवी फ़ुटेज पुलिस को दे रहे हैं।',
      'पापा को बिजली विभाग के नाम से फ़ोन आया कि आज रात कनेक्शन कट जाएगा, लिंक से पैसे भरो। मेरे रोकने से पहले {amount} चले गए। अपने माता-पिता को ऐसे कॉल के बारे में ज़रूर बताइए।',
      'अभी {road} पर देखा कि एक SUV से उतरकर दो लोगों ने ई-रिक्शा वाले को डंडे से पीटा, बस इसलिए कि गाड़ी पर खरोंच आ गई। लोग वीडियो बनाते रहे, कोई बचाने नहीं आया।',
    ],
    hil: [
      'aaj {place} me jo hua yaar abhi tak haath kaanp rahe hai. sabzi leke aa rahi thi 8 baje, bike slow hui aur peeche wale ne mera {item} kheench liya. 2 second me gayab. wo stretch bahut andhera hai, dhyan rakhna sab',
      '{place} walo alert: hamari street pe is hafte 3 gaadiyon ke sheeshe tod ke saman chori hua, meri bhi. e-FIR kar di hai, CCTV clip police ko de rahe hai',
      'papa ko bijli department ke naam se call aaya ki aaj raat connection kat jayega, link pe payment karo. mere rokne se pehle {amount} chale gaye. apne parents ko in calls ke baare me zaroor batao 🙏',
      'abhi {road} pe dekha do log SUV se utre aur e-rickshaw wale ko dande se peet diya kyunki gaadi pe scratch aa gaya. log video bana rahe the, koi bachane nahi aaya. bhaiya ke sar se khoon aa raha tha',
      'कल रात hamare {place} wale ghar me chori ho gayi, almari tod ke sab le gaye. mummy ka रो रो के बुरा हाल hai',
    ],
  },
  {
    name: 'long-crime-complaint',
    labels: CRIME_COMPLAINT,
    variants: 3,
    tone: 'angry',
    addressed: true,
    tags: { en: ['#DelhiPolice'], hi: ['#दिल्ली_पुलिस'], hil: ['#DelhiPolice'] },
    en: [
      'Thread. My {vehicle} was stolen from outside my house in {place} {days} days ago. Filed the e-FIR the same night. Since then: no call, no visit, the IO\'s number is always switched off. I found the {vehicle} myself on OLX. Sent the link to the station. Still nothing. {police}',
      'My sister was followed home from the {metro} metro by a man for three nights in a row. We went to the police station, they told her to change her route. That is the advice? We want a complaint registered. {police}',
    ],
    hi: [
      'मेरी {vehicle} {days} दिन पहले {place} से चोरी हुई। उसी रात ई-FIR की। तब से न कोई फ़ोन, न कोई आया, जाँच अधिकारी का फ़ोन हमेशा बंद। गाड़ी मुझे ख़ुद OLX पर दिखी, लिंक थाने भेजा, फिर भी कुछ नहीं। {police}',
      'मेरी बहन का तीन रात से {metro} मेट्रो से घर तक एक आदमी पीछा कर रहा है। थाने गए तो कहा रास्ता बदल लो। यह सलाह है? शिकायत दर्ज कीजिए {police}',
    ],
    hil: [
      'meri {vehicle} {days} din pehle {place} se chori hui, usi raat e-FIR ki. tab se na call na koi aaya, IO ka phone hamesha band. gaadi mujhe khud OLX pe dikhi, link thane bheja, phir bhi kuch nahi {police}',
      'meri behen ka 3 raat se {metro} metro se ghar tak ek aadmi peecha kar raha hai. thane gaye to bole rasta badal lo. ye advice hai?? complaint likho {police}',
    ],
  },
  {
    name: 'long-complaint',
    labels: COMPLAINT,
    variants: 3,
    tone: 'angry',
    addressed: true,
    tags: { en: ['#DelhiTraffic', '#DelhiPolice'], hi: ['#दिल्ली_पुलिस'], hil: ['#DelhiPolice'] },
    en: [
      'Every single evening the {place} crossing becomes a parking lot. Buses stop in the middle of the road, autos park on the turn, and the traffic booth is empty. It takes 40 minutes to cross 500 metres. {traffic} can we please get someone posted from 6 to 9?',
      'Dear {police}, the park in our block in {place} has become an open bar after dark. Broken bottles every morning where children play. The beat staff pass by and do nothing. We have written to the SHO twice.',
      'Went for a simple character certificate. Online form says 7 days. It is day {days}. Called the helpline, they gave me the station number, the station says the file is with Special Branch, Special Branch says ask the station. Round and round.',
    ],
    hi: [
      'हर शाम {place} चौराहा पार्किंग बन जाता है। बसें सड़क के बीच रुकती हैं, ऑटो मोड़ पर खड़े रहते हैं और ट्रैफ़िक बूथ ख़ाली। 500 मीटर में 40 मिनट लगते हैं {traffic} शाम 6 से 9 तक किसी को तैनात कीजिए।',
      '{police} हमारे {place} ब्लॉक का पार्क रात में खुला बार बन जाता है। सुबह बच्चों के खेलने की जगह पर टूटी बोतलें। बीट स्टाफ़ गुज़रता है पर कुछ नहीं करता। SHO को दो बार लिख चुके हैं।',
      'चरित्र प्रमाण पत्र के लिए ऑनलाइन फ़ॉर्म में 7 दिन लिखा है, आज {days} दिन हो गए। हेल्पलाइन ने थाने का नंबर दिया, थाना कहता है फ़ाइल स्पेशल ब्रांच में है, स्पेशल ब्रांच कहती है थाने से पूछो।',
    ],
    hil: [
      'roz shaam {place} chauraha parking ban jaata hai. buses beech road pe rukti hai, auto mod pe khade, traffic booth khaali. 500 meter me 40 min {traffic} 6 se 9 tak kisi ko lagao please',
      '{police} hamare {place} block ka park raat ko open bar ban jaata hai, subah bachchon ki jagah pe tooti bottles. beat wale dekhte hai aur chale jaate hai. SHO ko 2 baar likh chuke',
      'character certificate ke liye form me 7 din likha tha, aaj {days} din ho gaye. helpline bolti thane jao, thana bolta special branch, special branch bolti thane se poocho. गोल गोल घुमा रहे है',
      'ye jo {place} ke bahar हर रात DJ bajta hai 1 baje tak, koi permission hai kya? 112 pe bata bata ke thak gaye {police}',
    ],
  },
  {
    name: 'long-praise',
    labels: PRAISE,
    variants: 3,
    tone: 'thanks',
    addressed: true,
    tags: { en: ['#DelhiPolice', '#ThankYou'], hi: ['#धन्यवाद'], hil: ['#DelhiPolice'] },
    en: [
      'I was sceptical about filing a complaint for a stolen phone, everyone said it\'s pointless. Today the {place} station called me to collect it. The constable even helped me set it up again. Credit where it is due, thank you {police}.',
      'My grandmother has dementia and walked out of the house this morning in {place}. We were frantic. Called 112, within 20 minutes there were two PCR vans and the beat officer searching with us. Found her at a temple 3 km away. No words. 🙏',
      'Late-night cab ride, the driver started taking a weird route near {road}. Called the women\'s helpline, they stayed on the line, a patrol car intercepted us in ten minutes. I got home safe. Thank you {police}.',
    ],
    hi: [
      'सब कहते थे फ़ोन चोरी की शिकायत का कोई फ़ायदा नहीं। आज {place} थाने से फ़ोन आया कि अपना मोबाइल ले जाइए, सिपाही जी ने सेट करने में मदद भी की। धन्यवाद {police}',
      'दादी को भूलने की बीमारी है, आज सुबह {place} में घर से निकल गईं। 112 पर फ़ोन किया, 20 मिनट में दो PCR और बीट अफ़सर हमारे साथ ढूँढने लगे। 3 किलोमीटर दूर मंदिर पर मिलीं। आभार शब्दों में नहीं। 🙏',
      'देर रात कैब में ड्राइवर {road} के पास अजीब रास्ता लेने लगा। महिला हेल्पलाइन पर कॉल किया, वे लाइन पर रहे और दस मिनट में गश्ती गाड़ी ने रोक लिया। सुरक्षित घर पहुँची, धन्यवाद {police}',
    ],
    hil: [
      'sab bolte the phone chori ki complaint ka koi fayda nahi. aaj {place} thane se call aaya ki apna phone le jao, constable bhaiya ne setup bhi karwa diya. thank you {police} 🙏',
      'dadi ko bhoolne ki bimari hai, subah {place} me ghar se nikal gayi. 112 pe call kiya, 20 min me 2 PCR aur beat officer saath me dhoondhne lage. 3 km door mandir pe mili. dil se शुक्रिया',
      'raat ko cab wala {road} ke paas ajeeb route lene laga, women helpline pe call kiya, wo line pe rahe aur 10 min me patrol gaadi ne rok liya. safe ghar pahunchi, thanks {police}',
    ],
  },
  {
    name: 'long-police',
    labels: POLICE,
    variants: 3,
    tone: 'neutral',
    tags: { en: ['#DelhiPolice'], hi: ['#दिल्ली_पुलिस'], hil: ['#DelhiPolice'] },
    en: [
      'For anyone moving to {place}: tenant verification is online now on the Delhi Police site. Upload the agreement and ID, the beat officer visits within a week. Took me 15 minutes.',
      'Attended the thana-level peace committee meeting in {place} ahead of {festival}. The SHO shared the route plan, parking spots and the helpline numbers. Sharing the notes in the RWA group.',
      'Reading the annual crime report for Delhi. Snatching cases are down, cyber fraud cases have more than doubled. The shift online is striking.',
    ],
    hi: [
      '{place} में नए किरायेदारों के लिए: पुलिस वेरिफ़िकेशन अब दिल्ली पुलिस की साइट पर ऑनलाइन होता है, एग्रीमेंट और आईडी अपलोड कीजिए, हफ़्ते भर में बीट अफ़सर आ जाते हैं।',
      '{festival} से पहले {place} थाने में शांति समिति की बैठक हुई, SHO ने रूट प्लान, पार्किंग और हेल्पलाइन नंबर बताए।',
      'दिल्ली की सालाना अपराध रिपोर्ट पढ़ रहा हूँ, झपटमारी के मामले घटे हैं और साइबर ठगी दोगुनी से ज़्यादा।',
    ],
    hil: [
      '{place} me naye kirayedaron ke liye: police verification ab delhi police ki site pe online hota hai, agreement aur ID upload karo, hafte bhar me beat officer aa jaate hai',
      '{festival} se pehle {place} thane me peace committee meeting hui, SHO ne route plan aur parking bataya, RWA group me notes daal diye',
      'delhi ki annual crime report padh raha hu, snatching kam hui hai par cyber fraud double se zyada 😮',
    ],
  },
  {
    name: 'long-none',
    labels: NONE,
    variants: 3,
    tone: 'happy',
    tags: { en: ['#Delhi'], hi: ['#दिल्ली'], hil: ['#Delhi'] },
    en: [
      'Spent the whole Sunday in {place}: breakfast at a tiny dhaba, the old baoli, then {food} for lunch and a nap in the park. Delhi in February is unbeatable. Weather perfect, no AC, no heater.',
      'Hot take: the best thing about the metro is not the speed, it is watching the whole city in one coach. A kid doing homework, an uncle on a loud call, two students arguing about {player}. Love this city.',
      'Landlord raised the rent by 20% with a week\'s notice, the geyser still doesn\'t work and the lift is "under maintenance" since March. Looking for a 1BHK near {metro}, any leads?',
      'Our society in {place} organised a blood donation camp today, 60 donors! Next month a tree plantation drive. Join if you\'re nearby.',
    ],
    hi: [
      'पूरा रविवार {place} में बिताया: ढाबे पर नाश्ता, पुरानी बावली, दोपहर में {food} और पार्क में झपकी। फ़रवरी की दिल्ली का जवाब नहीं।',
      'मकान मालिक ने एक हफ़्ते के नोटिस पर किराया 20% बढ़ा दिया, गीज़र अब भी ख़राब और लिफ़्ट मार्च से बंद। {metro} के पास 1BHK बताइए।',
      'हमारी {place} सोसायटी में आज रक्तदान शिविर लगा, 60 लोगों ने रक्तदान किया। अगले महीने पौधारोपण।',
    ],
    hil: [
      'poora sunday {place} me: dhabe pe nashta, purani baoli, lunch me {food} aur park me neend. february wali dilli ka koi jawab nahi ❤️',
      'landlord ne 1 hafte ke notice pe rent 20% badha diya, geyser ab bhi kharab aur lift march se band. {metro} ke paas 1BHK batao koi',
      'hamari {place} society me aaj blood donation camp laga, 60 log aaye! next month plantation drive',
      'metro ki best cheez speed nahi hai, ek coach me poora sheher dikh jaata hai. koi bachcha homework kar raha, uncle loud call pe, do ladke {player} pe behes kar rahe 😂',
      'आज तो कमाल हो गया, {place} ke naye cafe me {food} itne achhe the ki do baar order kiya',
    ],
  },
];
