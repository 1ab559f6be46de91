import type { AppContext } from '../../app/context.js';
import type { SystemActor } from '../../auth/actor.js';
import { compileQuery } from '../query/compile.js';
import { insertWatch } from './watch-repository.js';

const DEMO: SystemActor = { system: true, label: 'demo' };
const OWNER = 'monitoring-demo';
const DAY = 86_400_000;

// Delhi districts (seed/delhi/units.csv) the demo watches concern.
const NORTH_EAST = ['8173', '8957', '8168'];
const ALL_DISTRICTS = ['8162', '8165', '8166', '8167', '8168', '8169', '8170', '8171', '8172', '8173', '8174', '8176', '8955', '8957', '8959', '8991'];

/** The demo's watches (also the ingest bench's: its stream is made of the demo's posts). */
export const DEMO_WATCHES = [
  {
    name: 'Riot and curfew rumours / दंगे और कर्फ्यू की अफवाहें',
    query: '(danga OR dange OR दंगा OR दंगे OR riot* OR curfew OR कर्फ्यू) NOT (cricket OR movie)',
    purpose: 'Early warning of communal rumours (riots, curfews) so that the force can answer them with facts before they spread.',
    legalBasis: 'Delhi Police Act 1978 s.4 (prevention of breach of peace); standing order of the Special CP (Intelligence)',
    unitIds: NORTH_EAST,
    retentionDays: 90,
  },
  {
    name: 'Chain snatching and street theft / झपटमारी',
    query: '(chain NEAR/3 (chheen* OR snatch*)) OR "chain snatching" OR झपटमारी OR (mobile NEAR/3 (chheen* OR छीन*))',
    purpose: 'Reports of snatching posted by the public, so that the district can register them and see where they cluster.',
    legalBasis: 'BNSS 2023 s.173 (information of offences); standing order on public grievances',
    unitIds: ALL_DISTRICTS,
    retentionDays: 30,
  },
  {
    name: 'Waterlogging and traffic / जलभराव और जाम',
    query: '(paani OR पानी OR water*) NEAR/4 (bhar* OR underpass OR logging OR भरा OR भर) OR jam NEAR/3 (flyover OR underpass)',
    purpose: 'Traffic obstruction from waterlogging, to divert traffic and warn commuters from the force\'s accounts.',
    legalBasis: 'Delhi Police Act 1978 s.28 (regulation of traffic); monsoon traffic plan',
    unitIds: ALL_DISTRICTS,
    retentionDays: 14,
  },
];

/**
 * Demo watches on a fresh demo install, so the stream shows matches from the first minutes. They
 * are owned by a Special Branch demo account whose password nobody is given (an administrator
 * resets it to use it). Does nothing once any watch exists.
 */
export async function seedDemoWatches(ctx: AppContext): Promise<number> {
  for (const w of DEMO_WATCHES) compileQuery(w.query);
  const [existing] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM watches');
  if (existing!.n > 0) return 0;
  let [owner] = await ctx.db.query<{ id: string }>('SELECT id FROM users WHERE lower(username) = $1', [OWNER]);
  if (!owner) {
    const { user } = await ctx.users.create(DEMO, { username: OWNER, displayName: 'Monitoring cell (demo)', role: 'sb_supervisor', mustChangePassword: true });
    owner = { id: user.id };
  }
  const ownerId = owner.id;
  return ctx.db.transaction(async (tx) => {
    // Several processes may start together: one of them seeds.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('chhavi.demo-watches'))");
    const [again] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM watches');
    if (again!.n > 0) return 0;
    const units = new Set((await tx.query<{ id: string }>('SELECT id FROM units')).map((u) => u.id));
    let n = 0;
    for (const w of DEMO_WATCHES) {
      const unitIds = w.unitIds.filter((u) => units.has(u));
      if (unitIds.length === 0) continue;
      const expiresAt = new Date(Date.now() + 90 * DAY);
      const id = await insertWatch(tx, { name: w.name, query: w.query, ownerId, purpose: w.purpose, legalBasis: w.legalBasis, unitIds, expiresAt, retentionDays: w.retentionDays, paused: false }, ownerId);
      await ctx.audit.record(tx, { actor: DEMO, action: 'watch.created', targetType: 'watch', targetId: id, details: { after: { name: w.name, query: w.query, ownerId, purpose: w.purpose, legalBasis: w.legalBasis, unitIds, expiresAt: expiresAt.toISOString(), retentionDays: w.retentionDays }, demo: true } });
      n++;
    }
    ctx.monitoring.matching.invalidate();
    return n;
  });
}
