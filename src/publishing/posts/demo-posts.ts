import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app/context.js';
import type { Actor, SystemActor } from '../../auth/actor.js';
import type { Role } from '../../auth/roles.js';
import { seedDemoAccounts } from '../accounts/demo-accounts.js';
import { seedDemoTemplates } from '../templates/demo-templates.js';
import { resolveScheduledAt } from '../scheduler/zoned-time.js';

const DEMO: SystemActor = { system: true, label: 'demo' };
const MARKER = 'demo.publishing_seeded';

type DemoCtx = Pick<AppContext, 'db' | 'config' | 'users' | 'socialAccounts' | 'posts' | 'approvals' | 'templates'>;

/**
 * The demo's cast: an editor who drafts, a district officer and an SB supervisor who approve.
 * They are disabled, so nobody signs in as them; their decisions fill the demo's histories.
 */
async function demoUser(ctx: DemoCtx, username: string, displayName: string, role: Role, unitIds: string[]): Promise<Actor> {
  const found = await ctx.db.query<{ id: string }>('SELECT id FROM users WHERE lower(username) = lower($1)', [username]);
  let id = found[0]?.id;
  if (!id) {
    const { user } = await ctx.users.create(DEMO, {
      username,
      displayName,
      role,
      unitIds: role === 'sb_supervisor' ? undefined : unitIds,
      password: `Demo-${randomBytes(18).toString('base64url')}`,
      mustChangePassword: true,
    });
    id = user.id;
    await ctx.users.update(DEMO, id, { disabled: true });
  }
  return { userId: id, username, displayName, role, units: role === 'sb_supervisor' ? 'all' : unitIds, via: 'session' };
}

/** Tomorrow (or later) at a wall time in the force's zone. */
function daysAhead(days: number, hhmm: string, timeZone: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return resolveScheduledAt(`${day}T${hhmm}`, timeZone).toISOString();
}

/** How soon after the seeding the demo's first posts fall due (they go out through delivery). */
export const DEMO_GOING_OUT_AFTER_MS = 20_000;

/** Posts that go out at first start: approved through the whole chain, due within the first minute. */
const GOING_OUT: readonly { unit: number; text: string; campaign: string | null }[] = [
  {
    unit: 0,
    text: 'Dial 112 in any emergency, from any phone, at any hour. किसी भी आपात स्थिति में 112 डायल करें।',
    campaign: 'Emergency response',
  },
  {
    unit: 1,
    text: 'No police officer asks for an OTP or a payment on a video call. Report cyber fraud on 1930. पुलिस कभी वीडियो कॉल पर OTP या पैसे नहीं माँगती।',
    campaign: 'Cyber safety week',
  },
  {
    unit: 2,
    text: 'Found a lost child? Bring the child to the nearest police station or call 112; we reunite families. खोया बच्चा मिले तो 112 पर कॉल करें।',
    campaign: null,
  },
];

/**
 * Demo mode, once per database: Sandbox accounts for every unit, the awareness templates, and a
 * few posts at every stage of review (drafts, waiting for the district officer, waiting for the
 * SB supervisor, approved and scheduled), so the approvals inbox and the calendar have content
 * on first start. Three more are approved and due seconds after the seeding: the scheduler and
 * the publisher send them to the Sandbox once the server is up, so the calendar shows published
 * posts with their publications, Sandbox links and metric pulls — nothing of it is written here.
 * They are due after the seeding, not at it, because the Sandbox is served by this very process,
 * which listens only after seeding.
 */
export async function seedDemoPublishing(
  ctx: DemoCtx,
  opts: { goingOutAfterMs?: number } = {},
): Promise<{ accounts: number; templates: number; posts: number }> {
  const accounts = await seedDemoAccounts(ctx);
  const templates = await seedDemoTemplates(ctx);
  const first = await ctx.db.execute("INSERT INTO settings (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING", [MARKER]);
  if (first === 0) return { accounts, templates, posts: 0 };

  const units = await ctx.db.query<{ unitId: string; accountId: string }>(
    `SELECT u.id AS "unitId", a.id AS "accountId" FROM units u JOIN social_accounts a ON a.unit_id = u.id AND a.platform = 'sandbox' AND a.active
     WHERE u.active AND u.kind = 'district' ORDER BY u.id LIMIT 3`,
  );
  if (units.length === 0) return { accounts, templates, posts: 0 };
  const unitIds = units.map((u) => u.unitId);
  const editor = await demoUser(ctx, 'demo.editor', 'Demo agency editor', 'agency_editor', unitIds);
  const officer = await demoUser(ctx, 'demo.officer', 'Demo district officer', 'district_officer', unitIds);
  const sb = await demoUser(ctx, 'demo.sb', 'Demo SB supervisor', 'sb_supervisor', []);
  const tz = ctx.config.timeZone;
  const tpl = new Map((await ctx.templates.list()).map((t) => [t.category, t.id]));
  const at = (i: number) => units[i % units.length]!;
  let posts = 0;

  const fromTemplate = async (category: string, i: number, language: 'en' | 'hi' | 'both', scheduledAt: string | null, campaign: string) => {
    const id = tpl.get(category);
    if (!id) return null;
    posts++;
    return ctx.templates.createPost(editor, id, { unitId: at(i).unitId, accountIds: [at(i).accountId], language, scheduledAt, campaign });
  };
  const free = async (i: number, text: string, scheduledAt: string | null, campaign: string | null) => {
    posts++;
    return ctx.posts.create(editor, { unitId: at(i).unitId, campaign, scheduledAt, timeZone: tz, variants: [{ accountId: at(i).accountId, text }] });
  };

  // Drafts.
  await fromTemplate('senior_citizens', 0, 'both', null, 'Senior citizens outreach');
  await free(1, 'रविवार को सुबह 7 बजे पुलिस मैराथन के कारण रिंग रोड पर यातायात परिवर्तित रहेगा। Traffic diverted on Ring Road on Sunday from 7 am for the police marathon.', daysAhead(5, '18:00', tz), null);

  // Waiting for the district officer.
  const w1 = await fromTemplate('cyber_fraud', 0, 'both', daysAhead(1, '11:00', tz), 'Cyber safety week');
  if (w1) await ctx.posts.submit(editor, w1.id);
  const w2 = await free(2, 'Lost your phone? Block your SIM, then report it at the nearest police station or online. खोया फ़ोन? सिम ब्लॉक कराएँ और शिकायत दर्ज करें।', daysAhead(2, '09:30', tz), null);
  await ctx.posts.submit(editor, w2.id);

  // Waiting for the SB supervisor.
  const w3 = await fromTemplate('women_safety', 1, 'hi', daysAhead(1, '17:00', tz), "Women's safety");
  if (w3) {
    await ctx.posts.submit(editor, w3.id);
    await ctx.approvals.decide(officer, w3.id, 'approve');
  }

  // Approved and scheduled.
  for (const [category, i, day, time] of [['traffic', 2, 1, '08:00'], ['child_safety', 0, 3, '12:00']] as const) {
    const p = await fromTemplate(category, i, 'both', daysAhead(day, time, tz), category === 'traffic' ? 'Road safety month' : 'Child safety');
    if (!p) continue;
    await ctx.posts.submit(editor, p.id);
    await ctx.approvals.decide(officer, p.id, 'approve');
    await ctx.approvals.decide(sb, p.id, 'approve');
  }

  // Going out at first start.
  const goingOutAt = Date.now() + (opts.goingOutAfterMs ?? DEMO_GOING_OUT_AFTER_MS);
  for (const [n, g] of GOING_OUT.entries()) {
    const p = await free(g.unit, g.text, new Date(goingOutAt + n * 10_000).toISOString(), g.campaign);
    await ctx.posts.submit(editor, p.id);
    await ctx.approvals.decide(officer, p.id, 'approve');
    await ctx.approvals.decide(sb, p.id, 'approve');
  }

  // Sent back with a comment.
  const back = await free(1, 'Beware of fake job offers on messaging apps.', daysAhead(4, '10:00', tz), 'Cyber safety week');
  await ctx.posts.submit(editor, back.id);
  await ctx.approvals.decide(officer, back.id, 'request_changes', { comment: 'Add the helpline 1930 and a Hindi line, please.' });
  return { accounts, templates, posts };
}
