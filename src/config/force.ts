import { join, resolve } from 'node:path';
import { packageRoot } from './paths.js';

/**
 * The folder with the force's own data (units, stations, localities): CHHAVI_SEED_DIR, or the
 * Delhi Police data that ships in seed/delhi. Nothing else in the code names a force.
 */
export function forceSeedDir(): string {
  const dir = process.env.CHHAVI_SEED_DIR;
  return dir ? resolve(dir) : join(packageRoot, 'seed', 'delhi');
}
