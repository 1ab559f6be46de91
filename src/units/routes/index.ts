import type { AppContext } from '../../app/context.js';
import type { App } from '../../http/server.js';
import { createStationRoute } from './create-station.js';
import { createUnitRoute } from './create-unit.js';
import { getUnitRoute } from './get-unit.js';
import { listUnitsRoute } from './list-units.js';
import { updateStationRoute } from './update-station.js';
import { updateUnitRoute } from './update-unit.js';

/** Units and their police stations: /api/v1/units and /api/v1/stations. */
export function registerUnitRoutes(api: App, ctx: AppContext): void {
  for (const route of [listUnitsRoute, getUnitRoute, createUnitRoute, updateUnitRoute, createStationRoute, updateStationRoute]) route(api, ctx);
}
