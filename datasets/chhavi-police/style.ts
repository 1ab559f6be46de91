// Surface variation for generated posts: handles, hashtags, emoji, casing, shorthand spellings,
// typos and spelling variants of Devanagari, so that rows of one template do not look alike.
import { pick, type LangKey, type Tone } from './lib.js';

const EMOJI: Record<Tone, string[]> = {
  angry: ['😡', '🤬', '😤', '🙄', '😠', '👎'],
  worried: ['😟', '😰', '🙏', '😢', '😨', '🆘'],
  thanks: ['🙏', '👏', '❤️', '🫡', '💐', '🙌', '🙏🙏'],
  neutral: ['👍', '📢', '⚠️', '👉'],
  happy: ['😂', '😍', '🔥', '🎉', '❤️', '😋', '🤩'],
};

const FRIEND_HANDLES = ['@dilli_wala', '@priya_s_writes', '@kabir_k88', '@foodie_dilli', '@meera_reads', '@ankit_rao_', '@the_nitin'];

// Romanised Hindi as people type it: each word has shorthand spellings.
const HINGLISH_SHORT: Record<string, string[]> = {
  hai: ['h', 'he', 'hai', 'hain'],
  nahi: ['nhi', 'nahin', 'nai', 'ni'],
  kya: ['kyaa', 'kia', 'kya'],
  please: ['pls', 'plz', 'plzz', 'please'],
  plz: ['pls', 'plzz'],
  bahut: ['bhut', 'bohot', 'bahot', 'boht'],
  me: ['mein', 'mai', 'mei', 'm'],
  raha: ['rha', 'raha'],
  rahe: ['rhe', 'rahe'],
  rahi: ['rhi', 'rahi'],
  kuch: ['kuchh', 'kch'],
  yaar: ['yr', 'yaar', 'yaaar'],
  thanks: ['thx', 'thnx', 'thanku', 'thanks'],
  ke: ['k', 'ke'],
  hua: ['huwa', 'hua'],
  kar: ['kr', 'kar'],
  karo: ['kro', 'karo'],
  abhi: ['abi', 'abhi'],
  sab: ['sb', 'sab'],
  bhai: ['bhaii', 'bro', 'bhai'],
  aur: ['or', 'aur', 'n'],
  ki: ['ki', 'kii'],
  ko: ['ko', 'ku'],
};

const ENGLISH_SHORT: Record<string, string[]> = {
  please: ['pls', 'plz', 'please'],
  you: ['u', 'you'],
  thanks: ['thx', 'thanks'],
  because: ['coz', 'bcoz'],
  people: ['ppl', 'people'],
  tomorrow: ['tmrw', 'tomorrow'],
  are: ['r', 'are'],
  and: ['&', 'and', 'n'],
};

// Spelling variants of Devanagari that the normaliser must fold: dropped nukta, chandrabindu
// typed as anusvara, missing danda.
const NUKTA = /[\u093C]/g;
const CHANDRABINDU = /\u0901/g;
const PRECOMPOSED_NUKTA: Record<string, string> = { 'ज़': 'ज', 'फ़': 'फ', 'ख़': 'ख', 'ग़': 'ग', 'क़': 'क' };

function replaceWords(text: string, table: Record<string, string[]>, random: () => number, rate: number): string {
  return text.replace(/[\p{L}]+/gu, (word) => {
    const options = table[word.toLowerCase()];
    if (!options || random() >= rate) return word;
    return pick(random, options);
  });
}

function swapTypo(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{5,}$/.test(w));
  if (candidates.length === 0) return text;
  const { w, i } = pick(random, candidates);
  const at = 1 + Math.floor(random() * (w.length - 2));
  words[i] = w.slice(0, at) + w.charAt(at + 1) + w.charAt(at) + w.slice(at + 2);
  return words.join(' ');
}

const STRETCHABLE = new Set(['so', 'please', 'plz', 'yaar', 'bhai', 'nahi', 'kya', 'help', 'bahut', 'very', 'really', 'thanks', 'pls', 'haha', 'mast', 'shame', 'worst', 'why', 'kyu', 'kab']);

function stretchLetters(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => STRETCHABLE.has(w));
  if (candidates.length === 0) return text;
  const { w, i } = pick(random, candidates);
  words[i] = w + w.charAt(w.length - 1).repeat(2 + Math.floor(random() * 3));
  return words.join(' ');
}

export interface StyleOptions {
  lang: LangKey;
  tone: Tone;
  addressed: boolean;
  handles: string[];
  tags: string[];
}

export function stylize(base: string, opts: StyleOptions, random: () => number): string {
  let text = base;
  const { lang, tone } = opts;

  if (lang === 'hi') {
    if (random() < 0.3) text = text.normalize('NFD').replace(NUKTA, '').normalize('NFC');
    else if (random() < 0.2) for (const [k, v] of Object.entries(PRECOMPOSED_NUKTA)) text = text.replaceAll(k, v);
    if (random() < 0.3) text = text.replace(CHANDRABINDU, '\u0902');
    if (random() < 0.3) text = text.replace(/।\s*$/u, '').replace(/।/gu, random() < 0.5 ? '.' : ',');
  } else if (lang === 'hil') {
    const profile = random();
    if (profile < 0.45) text = replaceWords(text, HINGLISH_SHORT, random, profile < 0.2 ? 0.9 : 0.4);
    if (random() < 0.2) text = text.charAt(0).toUpperCase() + text.slice(1);
  } else {
    if (random() < 0.3) text = replaceWords(text, ENGLISH_SHORT, random, 0.6);
    if (random() < 0.25) text = text.toLowerCase().replace(/\.$/, '');
  }

  if (lang !== 'hi') {
    if (random() < 0.08) text = swapTypo(text, random);
    if (random() < 0.08) text = stretchLetters(text, random);
  }

  if (opts.addressed && !text.includes('@') && random() < 0.4) {
    const handle = pick(random, opts.handles);
    text = random() < 0.5 ? `${handle} ${text}` : `${text} ${handle}`;
  } else if (!opts.addressed && !text.includes('@') && random() < 0.08) {
    text = `${pick(random, FRIEND_HANDLES)} ${text}`;
  }

  if (tone === 'angry' && random() < 0.3) text = text.replace(/[.!?]?\s*$/u, random() < 0.5 ? '!!!' : '??');
  if (lang !== 'hi' && (tone === 'angry' || tone === 'worried') && random() < 0.08) text = text.toUpperCase();

  if (opts.tags.length > 0 && random() < 0.3) {
    const first = pick(random, opts.tags);
    const second = pick(random, opts.tags);
    text = `${text} ${first}${second !== first && random() < 0.4 ? ` ${second}` : ''}`;
  }
  const emojiRate = tone === 'neutral' ? 0.1 : 0.35;
  if (random() < emojiRate) text = `${text} ${pick(random, EMOJI[tone])}`;

  return text.replace(/\s+/g, ' ').trim();
}
