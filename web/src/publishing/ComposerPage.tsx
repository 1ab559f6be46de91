import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, mediaApi, postsApi, type FieldIssue, type Media, type Platform, type Post, type VariantInput } from '../api/publishing.js';
import { Link, useRouter } from '../router/router.js';
import { useSession } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { issuesFromError, unplacedIssues } from './issues.js';
import { MediaPicker, MediaThumb } from './MediaPicker.js';
import { FieldIssues, PlatformName, StatusBadge, useUnitName } from './shared.js';
import { countTitle, countVariant, parseHashtags } from './text-count.js';
import { TimeRefusal } from './TimeRefusal.js';
import { formatWithOffset, offsetLabel, schedulePreview, utcToWall, viewerTimeZone } from './zoned-time.js';

interface VariantForm {
  accountId: string;
  platform: Platform;
  label: string;
  text: string;
  link: string;
  hashtags: string;
  mediaIds: string[];
  title: string;
}

const CHECK_DELAY_MS = 500;

function toInput(v: VariantForm): VariantInput {
  return {
    accountId: v.accountId,
    text: v.text,
    link: v.link.trim() || null,
    hashtags: parseHashtags(v.hashtags),
    mediaIds: v.mediaIds,
    ...(v.platform === 'youtube' ? { title: v.title.trim() || null } : {}),
  };
}

function fromPost(post: Post): VariantForm[] {
  return post.variants.map((v) => ({
    accountId: v.accountId,
    platform: v.account.platform,
    label: `${v.account.displayName} (@${v.account.handle})`,
    text: v.text,
    link: v.link ?? '',
    hashtags: v.hashtags.join(' '),
    mediaIds: v.mediaIds,
    title: v.title ?? '',
  }));
}

/** Edits a post: one variant per account, live counters, the server's issues on their fields, schedule in the post's zone. */
export function ComposerPage({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => postsApi.get(postId), [postId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <p className="muted">{t('app.loading')}</p>;
  return <Composer initial={loaded.data.post} />;
}

function Composer({ initial }: { initial: Post }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useRouter();
  const { locale } = useSession();
  const unitName = useUnitName();
  const [post, setPost] = useState(initial);
  const [campaign, setCampaign] = useState(initial.campaign ?? '');
  const [wall, setWall] = useState(initial.scheduledAt ? utcToWall(initial.scheduledAt, initial.timeZone) : '');
  // The instant (with its offset) behind the wall time, when it is known: the saved one, or the
  // one picked where a clock change makes the wall time skipped or repeated.
  const [picked, setPicked] = useState<string | null>(initial.scheduledAt ? formatWithOffset(new Date(initial.scheduledAt), initial.timeZone) : null);
  const [variants, setVariants] = useState<VariantForm[]>(() => fromPost(initial));
  const [checkIssues, setCheckIssues] = useState<FieldIssue[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState<number | null>(null);
  const [mediaById, setMediaById] = useState<Record<string, Media>>({});
  const accounts = useLoad(() => accountsApi.list({ unitId: initial.unitId, active: true }), [initial.unitId]);
  const library = useLoad(() => mediaApi.list({ limit: 200 }), []);

  useEffect(() => {
    if (!library.data) return;
    setMediaById((known) => ({ ...Object.fromEntries(library.data!.media.map((m) => [m.sha256, m])), ...known }));
  }, [library.data]);

  const inputs = useMemo(() => variants.map(toInput), [variants]);
  const inputsKey = JSON.stringify(inputs);

  // The server's check is the authority on limits; it runs shortly after typing stops.
  useEffect(() => {
    if (inputs.length === 0) return;
    let current = true;
    const timer = window.setTimeout(() => {
      postsApi
        .check(post.unitId, inputs)
        .then((r) => current && setCheckIssues(r.issues))
        .catch(() => {
          // The counters still show; the save answers with the issues if the check could not.
        });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // inputsKey stands for inputs, which is a new array on every render.
  }, [inputsKey, post.unitId]);

  const issues: FieldIssue[] = [...issuesFromError(error), ...(checkIssues ?? post.issues)];
  const placed = ['campaign', 'scheduledAt', 'variants', ...variants.flatMap((_, i) => ['text', 'link', 'hashtags', 'media', 'title', 'accountId'].map((f) => `variants[${i}].${f}`))];
  const viewerZone = viewerTimeZone();
  const preview = wall ? schedulePreview(wall, post.timeZone, viewerZone, i18n.language, picked) : null;
  const reading = preview && 'iso' in preview ? preview : null;
  const refused = preview && 'refused' in preview && 'choices' in preview.refused ? preview.refused : null;
  const editable = post.can.edit;

  const setVariant = (i: number, patch: Partial<VariantForm>) => setVariants((vs) => vs.map((v, n) => (n === i ? { ...v, ...patch } : v)));

  const save = async (): Promise<Post | null> => {
    setError(null);
    setNotice(null);
    // The field already says why and offers the times to pick; the server would refuse the same.
    if (refused) return null;
    try {
      const { post: saved } = await postsApi.update(post.id, {
        version: post.version,
        campaign: campaign.trim() || null,
        scheduledAt: wall ? (picked?.startsWith(wall) ? picked : wall) : null,
        timeZone: post.timeZone,
        variants: inputs,
      });
      setPost(saved);
      setVariants(fromPost(saved));
      setCheckIssues(saved.issues);
      return saved;
    } catch (err) {
      setError(err);
      return null;
    }
  };

  const onSave = async () => {
    setBusy(true);
    const saved = await save();
    if (saved) setNotice(t('publishing.compose.savedDraft'));
    setBusy(false);
  };

  const onSubmit = async () => {
    setBusy(true);
    const saved = await save();
    if (saved) {
      if (!saved.can.submit) {
        setError(new Error(saved.issues.length ? t('publishing.compose.fixIssues') : t('publishing.compose.cannotSubmit')));
      } else {
        try {
          const { post: submitted } = await postsApi.submit(saved.id);
          navigate(`/publishing/posts/${submitted.id}`);
          return;
        } catch (err) {
          setError(err);
        }
      }
    }
    setBusy(false);
  };

  const toggleAccount = (id: string, on: boolean) => {
    const a = accounts.data?.accounts.find((x) => x.id === id);
    if (!a) return;
    setVariants((vs) =>
      on
        ? [...vs, { accountId: a.id, platform: a.platform, label: `${a.displayName} (@${a.handle})`, text: vs[0]?.text ?? '', link: vs[0]?.link ?? '', hashtags: vs[0]?.hashtags ?? '', mediaIds: [], title: '' }]
        : vs.filter((v) => v.accountId !== id),
    );
  };

  return (
    <div className="page composer">
      <div className="page-head">
        <div>
          <h1>{t('publishing.compose.editTitle')}</h1>
          <p className="muted">
            {unitName(post.unitId)} · <StatusBadge status={post.status} /> · {t('publishing.compose.version', { version: post.version })}
          </p>
        </div>
        <Link to={`/publishing/posts/${post.id}`} className="btn">
          {t('publishing.compose.viewPost')}
        </Link>
      </div>
      {!editable ? <div className="alert alert-error">{t('publishing.compose.notEditable')}</div> : null}
      {post.status === 'approved' || post.approvals.some((a) => a.postVersion === post.version) ? <p className="hint">{t('publishing.compose.editResets')}</p> : null}

      <section className="panel">
        <div className="form form-grid">
          <label className="field">
            <span>
              {t('publishing.fields.campaign')} <span className="muted small">({t('common.optional')})</span>
            </span>
            <input name="campaign" value={campaign} maxLength={80} disabled={!editable} onChange={(e) => setCampaign(e.target.value)} />
            <FieldIssues issues={issues} field="campaign" />
          </label>
          <label className="field">
            <span>{t('publishing.compose.scheduleIn', { zone: post.timeZone, offset: offsetLabel(reading?.iso ?? new Date(), post.timeZone) })}</span>
            <input type="datetime-local" name="scheduledAt" value={wall} disabled={!editable} aria-invalid={refused ? true : undefined} onChange={(e) => setWall(e.target.value)} />
            <FieldIssues issues={issues} field="scheduledAt" />
            {refused ? (
              <TimeRefusal
                refused={refused}
                disabled={!editable}
                onPick={(choice) => {
                  // A skipped time's choices are other wall times; a repeated one's keep the wall time.
                  setWall(choice.slice(0, 16));
                  setPicked(choice);
                }}
              />
            ) : reading ? (
              <p className="schedule-preview" data-testid="schedule-preview">
                {t('publishing.compose.previewUtc', { time: reading.utc })}
                <br />
                {t('publishing.compose.previewLocal', { zone: viewerZone, time: reading.viewer })}
              </p>
            ) : (
              <p className="schedule-preview">{t('publishing.compose.noSchedule')}</p>
            )}
          </label>
        </div>
        {editable ? (
          <fieldset className="field">
            <legend>{t('publishing.compose.accounts')}</legend>
            <div className="check-grid">
              {(accounts.data?.accounts ?? [])
                .filter((a) => a.can.compose || variants.some((v) => v.accountId === a.id))
                .map((a) => (
                  <label className="check" key={a.id}>
                    <input type="checkbox" checked={variants.some((v) => v.accountId === a.id)} onChange={(e) => toggleAccount(a.id, e.target.checked)} />
                    <span>
                      <PlatformName platform={a.platform} />: {a.displayName}
                    </span>
                  </label>
                ))}
            </div>
            <FieldIssues issues={issues} field="variants" />
          </fieldset>
        ) : null}
      </section>

      {variants.map((v, i) => {
        const count = countVariant(v.platform, { text: v.text, hashtags: parseHashtags(v.hashtags), link: v.link });
        const titleCount = countTitle(v.platform, v.title);
        const f = (name: string) => `variants[${i}].${name}`;
        return (
          <section className="variant" key={v.accountId} data-testid="variant" data-platform={v.platform}>
            <div className="variant-head">
              <h2>
                <PlatformName platform={v.platform} />: {v.label}
              </h2>
            </div>
            <FieldIssues issues={issues} field={f('accountId')} />
            {titleCount ? (
              <label className="field">
                <span>{t('publishing.compose.title')}</span>
                <input name="title" value={v.title} disabled={!editable} onChange={(e) => setVariant(i, { title: e.target.value })} />
                <span className={titleCount.over ? 'counter is-over' : 'counter'}>{t('publishing.compose.counter', { used: titleCount.used, max: titleCount.max, unit: t(`publishing.units.${titleCount.unit}`) })}</span>
                <FieldIssues issues={issues} field={f('title')} />
              </label>
            ) : null}
            <label className="field">
              <span>{t('publishing.compose.text')}</span>
              <textarea name="text" value={v.text} disabled={!editable} placeholder={t('publishing.compose.textHint')} onChange={(e) => setVariant(i, { text: e.target.value })} />
              <span className={count.over ? 'counter is-over' : 'counter'} data-testid="counter" aria-live="polite">
                {t('publishing.compose.counter', { used: count.used, max: count.max, unit: t(`publishing.units.${count.unit}`) })}
              </span>
              <FieldIssues issues={issues} field={f('text')} />
            </label>
            <div className="form form-grid">
              <label className="field">
                <span>{t('publishing.compose.link')}</span>
                <input name="link" type="url" value={v.link} disabled={!editable} onChange={(e) => setVariant(i, { link: e.target.value })} />
                <FieldIssues issues={issues} field={f('link')} />
              </label>
              <label className="field">
                <span>{t('publishing.compose.hashtags')}</span>
                <input name="hashtags" value={v.hashtags} disabled={!editable} onChange={(e) => setVariant(i, { hashtags: e.target.value })} />
                <FieldIssues issues={issues} field={f('hashtags')} />
              </label>
            </div>
            <div className="field">
              <span>{t('publishing.compose.media')}</span>
              <div className="media-grid">
                {v.mediaIds.map((sha) => {
                  const m = mediaById[sha];
                  return (
                    <div className="media-tile" key={sha}>
                      {m ? <MediaThumb media={m} /> : null}
                      <span>{m ? (locale === 'hi' ? m.altHi || m.altEn : m.altEn || m.altHi) || t('publishing.media.noAlt') : sha.slice(0, 12)}</span>
                      {editable ? (
                        <button type="button" className="btn btn-small" onClick={() => setVariant(i, { mediaIds: v.mediaIds.filter((x) => x !== sha) })}>
                          {t('publishing.compose.removeMedia')}
                        </button>
                      ) : null}
                    </div>
                  );
                })}
              </div>
              <FieldIssues issues={issues} field={f('media')} />
              {editable && picking !== i ? (
                <button type="button" className="btn btn-small" onClick={() => setPicking(i)}>
                  {t('publishing.compose.addMedia')}
                </button>
              ) : null}
              {picking === i ? (
                <MediaPicker
                  chosen={v.mediaIds}
                  onClose={() => setPicking(null)}
                  onToggle={(m) => {
                    setMediaById((known) => ({ ...known, [m.sha256]: m }));
                    setVariant(i, { mediaIds: v.mediaIds.includes(m.sha256) ? v.mediaIds.filter((x) => x !== m.sha256) : [...v.mediaIds, m.sha256] });
                  }}
                />
              ) : null}
            </div>
          </section>
        );
      })}

      {unplacedIssues(issues, placed).length ? (
        <ul className="field-issues" data-testid="other-issues">
          {unplacedIssues(issues, placed).map((i, n) => (
            <li key={n}>
              {i.field}: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {editable ? (
        <div className="form-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void onSave()}>
            {t('publishing.compose.saveDraft')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy || variants.length === 0} onClick={() => void onSubmit()}>
            {t('publishing.compose.submit')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
