import { join } from 'node:path';
import { detokenize } from '../text/detokenize.js';
import { BINARY_LABELS, MULTICLASS_LABELS, SAFEGUARDED_LABELS, type Label } from '../classify/labels.js';
import { dedupe, holdOut, readJsonl, readSplit, type Row } from './datasets.js';

/**
 * Which data trains and tunes each label. Every head has a train list, a tuning list (Platt
 * scaling and the threshold are fitted on it) and named dev sets on which it is reported.
 */
export interface Example {
  text: string;
  /** 0/1 for a binary label, the class number for a multi-class one. */
  y: number;
  /** Relative weight of the row (before class balancing). */
  w: number;
}

export interface HeadData {
  label: Label;
  classes: string[] | null;
  train: Example[];
  tune: Example[];
  reports: { name: string; examples: Example[] }[];
  sources: string[];
  /**
   * Safeguarded labels only: dev posts about the police that must not get the label. The
   * threshold is raised until at most `SAFE_DEV_MAX_RATE` of them would.
   */
  safeTune?: Example[];
}

/** Highest share of the project's dev posts about the police that a safeguarded label may flag. */
export const SAFE_DEV_MAX_RATE = 0.01;
/** Training weight of a project post about the police as a negative for the safeguarded labels. */
export const SAFE_NEGATIVE_WEIGHT = 3;

export interface DataOptions {
  /** The shared datasets folder (`<dataset>.<split>.jsonl`). */
  datasetsDir: string;
  /** The project-made sets (`chhavi-police/<name>.<split>.jsonl`). */
  projectDir: string;
  /**
   * Rows `{id,text,labels:{<label>: bool|string}}` given by analysts, added to training: a JSON-lines
   * file, or the rows themselves (read from the database by `chhavi train --with-analyst-labels`).
   */
  analystLabels?: string | readonly Row[];
  /** Keep only every n-th training row (for quick runs and tests). */
  subsample?: number;
}

const POLICE_WORDS = /police|polic|pulis|cop|thana|thane|constable|daroga|inspector|पुलिस|थान|दरोगा|सिपाही|कांस्टेबल|हवलदार|fir\b|एफआईआर/i;

function bin(rows: Row[], key: string, w = 1): Example[] {
  return rows.map((r) => ({ text: r.text, y: r.labels[key] === true ? 1 : 0, w }));
}

function negatives(rows: Row[], w = 1): Example[] {
  return rows.map((r) => ({ text: r.text, y: 0, w }));
}

function classOf(rows: Row[], key: string, classes: readonly string[], text: (r: Row) => string = (r) => r.text): Example[] {
  const out: Example[] = [];
  for (const r of rows) {
    const k = classes.indexOf(String(r.labels[key]));
    if (k >= 0) out.push({ text: text(r), y: k, w: 1 });
  }
  return out;
}

function every<T>(xs: T[], n: number | undefined): T[] {
  if (n === undefined || n <= 1) return xs;
  return xs.filter((_, i) => i % n === 0);
}

export function loadHeads(opts: DataOptions): HeadData[] {
  const d = opts.datasetsDir;
  const sub = (rows: Row[]): Row[] => every(dedupe(rows), opts.subsample);
  const constraintTrain = sub(readSplit(d, 'constraint2021-hindi', 'train'));
  const constraintDev = readSplit(d, 'constraint2021-hindi', 'dev');
  const hasocTrain = sub(readSplit(d, 'hasoc2021-hindi', 'train'));
  const hasocDev = readSplit(d, 'hasoc2021-hindi', 'dev');
  const macdTrain = sub(readSplit(d, 'macd-hindi', 'train'));
  const macdDev = readSplit(d, 'macd-hindi', 'dev');
  const trac = holdOut(sub(readSplit(d, 'trac1-hindi', 'train')), 0.15, 'trac1-dev');
  const sentiTrain = sub(readSplit(d, 'sentimix2020-hinglish', 'train'));
  const sentiDev = readSplit(d, 'sentimix2020-hinglish', 'dev');
  const mumbai = holdOut(sub(readSplit(d, 'mumbai-police-tweets', 'train')), 0.2, 'mumbai-dev');
  const ipe = holdOut(
    sub(readSplit(d, 'india-police-events', 'train')),
    0.2,
    'ipe-dev',
    (r) => r.id.split(':')[1]!.split('-')[0]!,
  );
  const pe = join(opts.projectDir, 'chhavi-police');
  const eventsTrain = sub(readSplit(pe, 'police-events', 'train'));
  const eventsDev = readSplit(pe, 'police-events', 'dev');
  const analyst = typeof opts.analystLabels === 'string' ? readJsonl(opts.analystLabels) : (opts.analystLabels ?? []);

  // Posts about the police that are not hostile (complaints, criticism, reports, thanks) are
  // negatives for the safeguarded labels, so that talking about the police is not itself a signal.
  // They weigh SAFE_NEGATIVE_WEIGHT each: a few thousand such posts against tens of thousands of
  // hostile-set posts would otherwise barely move the weights.
  const safeNegTrain = [
    ...negatives(eventsTrain, SAFE_NEGATIVE_WEIGHT),
    ...negatives(mumbai.train.filter((r) => r.labels['complaint'] === true), SAFE_NEGATIVE_WEIGHT),
  ];
  const safeNegTune = negatives(eventsDev);
  // Posts from the other sets that do not mention the police at all are negatives for the
  // police labels (a weak label: sampled every 4th row, lower weight).
  const nonPolice = (rows: Row[]): Row[] => rows.filter((r, i) => i % 4 === 0 && !POLICE_WORDS.test(r.text));
  const nonPoliceTrain = negatives(
    [...nonPolice(constraintTrain), ...nonPolice(sentiTrain), ...nonPolice(macdTrain), ...nonPolice(trac.train)],
    0.5,
  );

  const analystFor = (label: Label, classes: readonly string[] | null): Example[] => {
    const out: Example[] = [];
    for (const r of analyst) {
      const v = r.labels[label];
      if (v === undefined) continue;
      if (classes === null) out.push({ text: r.text, y: v === true ? 1 : 0, w: 1 });
      else {
        const k = classes.indexOf(typeof v === 'string' ? v : '');
        if (k >= 0) out.push({ text: r.text, y: k, w: 1 });
      }
    }
    return out;
  };

  const heads: HeadData[] = [];
  for (const label of BINARY_LABELS) {
    let h: Omit<HeadData, 'label' | 'classes'>;
    switch (label) {
      case 'hostile':
      case 'fake':
      case 'hate':
      case 'offensive':
      case 'defamation':
        h = {
          train: bin(constraintTrain, label),
          tune: bin(constraintDev, label),
          reports: [{ name: 'constraint2021-hindi.dev', examples: bin(constraintDev, label) }],
          sources: ['constraint2021-hindi'],
        };
        break;
      case 'abusive':
        h = {
          train: [...bin(hasocTrain, 'hate_or_offensive'), ...bin(macdTrain, 'abusive')],
          tune: [...bin(hasocDev, 'hate_or_offensive'), ...bin(macdDev, 'abusive')],
          reports: [
            { name: 'hasoc2021-hindi.dev', examples: bin(hasocDev, 'hate_or_offensive') },
            { name: 'macd-hindi.dev', examples: bin(macdDev, 'abusive') },
          ],
          sources: ['hasoc2021-hindi', 'macd-hindi'],
        };
        break;
      case 'complaint':
        h = {
          train: [...bin(mumbai.train, 'complaint'), ...bin(eventsTrain, 'complaint')],
          tune: [...bin(mumbai.dev, 'complaint'), ...bin(eventsDev, 'complaint')],
          reports: [
            { name: 'mumbai-police-tweets.heldout', examples: bin(mumbai.dev, 'complaint') },
            { name: 'police-events.dev', examples: bin(eventsDev, 'complaint') },
          ],
          sources: ['mumbai-police-tweets', 'chhavi-police/police-events'],
        };
        break;
      case 'police_related': {
        const ipePos = (rows: Row[]): Example[] =>
          rows.filter((r) => r.labels['any_action'] === true).map((r) => ({ text: r.text, y: 1, w: 0.5 }));
        h = {
          train: [...bin(eventsTrain, label), ...ipePos(ipe.train), ...nonPoliceTrain],
          tune: bin(eventsDev, label),
          reports: [
            { name: 'police-events.dev', examples: bin(eventsDev, label) },
          ],
          sources: ['chhavi-police/police-events', 'india-police-events (any_action positives)', 'other sets (weak negatives)'],
        };
        break;
      }
      case 'crime_report':
      case 'praise':
        h = {
          // Complaints to the police are the commonest posts that name the police without
          // praising them: the Mumbai complaint tweets are praise negatives.
          train: [
            ...bin(eventsTrain, label),
            ...nonPoliceTrain,
            ...(label === 'praise' ? negatives(mumbai.train.filter((r) => r.labels['complaint'] === true)) : []),
          ],
          tune: bin(eventsDev, label),
          reports: [{ name: 'police-events.dev', examples: bin(eventsDev, label) }],
          sources: ['chhavi-police/police-events', 'other sets (weak negatives)'],
        };
        break;
    }
    if ((SAFEGUARDED_LABELS as readonly string[]).includes(label)) {
      h.train = [...h.train, ...safeNegTrain];
      h.tune = [...h.tune, ...safeNegTune];
      h.safeTune = safeNegTune;
      h.sources = [...h.sources, 'chhavi-police/police-events and Mumbai complaints (negatives)'];
    }
    h.train = [...h.train, ...analystFor(label, null)];
    heads.push({ label, classes: null, ...h });
  }
  const agg = MULTICLASS_LABELS.aggression;
  heads.push({
    label: 'aggression',
    classes: [...agg],
    train: [...classOf(trac.train, 'aggression', agg), ...analystFor('aggression', agg)],
    tune: classOf(trac.dev, 'aggression', agg),
    reports: [{ name: 'trac1-hindi.heldout', examples: classOf(trac.dev, 'aggression', agg) }],
    sources: ['trac1-hindi'],
  });
  const sen = MULTICLASS_LABELS.sentiment;
  const detok = (r: Row): string => detokenize(r.text);
  heads.push({
    label: 'sentiment',
    classes: [...sen],
    train: [...classOf(sentiTrain, 'sentiment', sen, detok), ...analystFor('sentiment', sen)],
    tune: classOf(sentiDev, 'sentiment', sen, detok),
    reports: [{ name: 'sentimix2020-hinglish.dev', examples: classOf(sentiDev, 'sentiment', sen, detok) }],
    sources: ['sentimix2020-hinglish'],
  });
  return heads;
}
