import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor, SystemActor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { AppError, notFound } from '../../http/errors.js';
import { packageRoot } from '../../config/paths.js';
import { readModelFile } from '../classify/model-file.js';
import { defaultModelPath, getClassifier, loadClassifier, setClassifier } from '../classify/load.js';
import { REPORT_FILE } from '../train/train.js';
import { activeModel, allModels, findModel, insertModel, setActive, type ModelReport, type ModelRow } from './model-repository.js';

/** The figures shown side by side when an admin compares two models. */
export interface ModelSummary {
  anchors: Record<string, number>;
  labels: { label: string; devF1: number | null; threshold: number | null }[];
}

export function summarise(report: ModelReport): ModelSummary {
  return {
    anchors: report.anchors ?? {},
    labels: (report.heads ?? []).map((h) => {
      const first = Object.values(h.dev ?? {})[0];
      const f1 = first ? (first.positiveF1 ?? first.macroF1 ?? null) : null;
      return { label: h.label, devF1: f1, threshold: h.threshold ?? null };
    }),
  };
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function readReport(modelPath: string): ModelReport {
  const reportPath = join(dirname(modelPath), REPORT_FILE);
  if (!existsSync(reportPath)) throw new AppError('bad_request', `no evaluation report (${REPORT_FILE}) beside ${basename(modelPath)}: train with chhavi train, which writes both`);
  return JSON.parse(readFileSync(reportPath, 'utf8')) as ModelReport;
}

/**
 * The text models an installation knows and the one in use. A new model (from `chhavi train`)
 * is registered with its evaluation report, and becomes active only when an admin activates it
 * after comparing its report with the active one's; every process then loads it.
 */
export class ModelRegistry {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly dataDir: string,
  ) {}

  /** Registers the model the package ships (or CHHAVI_NLP_MODEL) and activates it when none is active. */
  async ensureShipped(): Promise<void> {
    const path = defaultModelPath();
    const version = readModelFile(path).header.version;
    const system: SystemActor = { system: true, label: 'first-start' };
    await this.db.transaction(async (tx) => {
      const inserted = await insertModel(tx, { version, filePath: relativeToPackage(path), sha256: sha256File(path), report: readReport(path), registeredBy: 'shipped' });
      const active = await activeModel(tx);
      if (!active) await setActive(tx, version, null);
      if (inserted || !active) {
        await this.audit.record(tx, { actor: system, action: 'nlp.model_registered', targetType: 'nlp_model', targetId: version, details: { activated: !active } });
      }
    });
  }

  /** Copies a trained model (and its report) into the data folder and registers it, inactive. */
  async register(by: Actor | SystemActor, modelPath: string): Promise<ModelRow> {
    const report = readReport(modelPath);
    const version = readModelFile(modelPath).header.version;
    const dir = join(this.dataDir, 'models', version);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, basename(modelPath));
    copyFileSync(modelPath, file);
    copyFileSync(join(dirname(modelPath), REPORT_FILE), join(dir, REPORT_FILE));
    const label = 'system' in by ? by.label : by.username;
    await this.db.transaction(async (tx) => {
      if (!(await insertModel(tx, { version, filePath: file, sha256: sha256File(file), report, registeredBy: label }))) {
        throw new AppError('conflict', `model ${version} is already registered`);
      }
      await this.audit.record(tx, { actor: by, action: 'nlp.model_registered', targetType: 'nlp_model', targetId: version, details: { summary: summarise(report) } });
    });
    return (await findModel(this.db, version))!;
  }

  list(): Promise<ModelRow[]> {
    return allModels(this.db);
  }

  /**
   * Makes a registered model the active one. The audit entry keeps the summaries of the model
   * before and after, so the decision can be reviewed later.
   */
  async activate(actor: Actor, version: string): Promise<ModelRow> {
    const target = await findModel(this.db, version);
    if (!target) throw notFound(`model ${version}`);
    const path = resolveModelPath(target.filePath);
    if (!existsSync(path) || sha256File(path) !== target.sha256) {
      throw new AppError('conflict', `the file of model ${version} is missing or changed on this machine; register it again`);
    }
    const classifier = loadClassifier(path);
    await this.db.transaction(async (tx) => {
      const before = await activeModel(tx);
      await setActive(tx, version, actor.userId);
      await this.audit.record(tx, {
        actor,
        action: 'nlp.model_activated',
        targetType: 'nlp_model',
        targetId: version,
        details: { before: before ? { version: before.version, ...summarise(before.report) } : null, after: { version, ...summarise(target.report) } },
      });
    });
    setClassifier(classifier);
    return (await findModel(this.db, version))!;
  }

  /** Loads the active model in this process when another process activated a different one. */
  async syncActive(): Promise<string | null> {
    const active = await activeModel(this.db);
    if (!active || getClassifier().version === active.version) return null;
    setClassifier(loadClassifier(resolveModelPath(active.filePath)));
    return active.version;
  }
}

function relativeToPackage(path: string): string {
  const abs = resolve(path);
  return abs.startsWith(packageRoot + '/') ? abs.slice(packageRoot.length + 1) : abs;
}

function resolveModelPath(stored: string): string {
  return stored.startsWith('/') ? stored : join(packageRoot, stored);
}
