import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaApi, type Media } from '../api/publishing.js';
import { useCan } from '../session/session.js';
import { ErrorMessage, Notice } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';
import { MediaThumb, MediaUpload } from './MediaPicker.js';

/** The media library: search by alt text, upload, and edit alt texts in English and Hindi. */
export function MediaPage() {
  const { t } = useTranslation();
  const can = useCan();
  const write = can('media.write');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<'' | 'image' | 'video'>('');
  const library = useLoad(() => mediaApi.list({ q: query || undefined, kind: kind || undefined, limit: 200 }), [query, kind]);
  const [notice, setNotice] = useState<string | null>(null);
  const list = library.data?.media ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('publishing.media.title')}</h1>
          <p className="muted">{t('publishing.media.intro')}</p>
        </div>
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <label className="field">
          <span>{t('publishing.media.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('publishing.media.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as '' | 'image' | 'video')}>
            <option value="">{t('publishing.common.all')}</option>
            <option value="image">{t('publishing.media.image')}</option>
            <option value="video">{t('publishing.media.video')}</option>
          </select>
        </label>
        <div className="form-actions">
          <button type="submit" className="btn">
            {t('common.search')}
          </button>
        </div>
      </form>
      {write ? (
        <section className="panel">
          <h2>{t('publishing.media.upload')}</h2>
          <MediaUpload
            onUploaded={() => {
              setNotice(t('publishing.media.uploaded'));
              library.reload();
            }}
          />
        </section>
      ) : null}
      <ErrorMessage error={library.error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {library.data && list.length === 0 ? <p className="muted">{t('publishing.media.none')}</p> : null}
      <div className="media-grid">
        {list.map((m) => (
          <MediaItem key={m.sha256} media={m} write={m.can.edit} onSaved={() => setNotice(t('common.saved'))} />
        ))}
      </div>
    </div>
  );
}

function MediaItem({ media, write, onSaved }: { media: Media; write: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [altEn, setAltEn] = useState(media.altEn);
  const [altHi, setAltHi] = useState(media.altHi);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = altEn !== media.altEn || altHi !== media.altHi;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { media: saved } = await mediaApi.update(media.sha256, { altEn, altHi });
      setAltEn(saved.altEn);
      setAltHi(saved.altHi);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="media-tile" data-media={media.sha256}>
      <MediaThumb media={media} />
      <span className="muted">
        {media.mime} · {Math.ceil(media.bytes / 1024)} KB{media.width && media.height ? ` · ${media.width}×${media.height}` : ''}
      </span>
      <label className="field">
        <span>{t('publishing.media.altEn')}</span>
        <input value={altEn} disabled={!write} maxLength={1500} onChange={(e) => setAltEn(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('publishing.media.altHi')}</span>
        <input value={altHi} lang="hi" disabled={!write} maxLength={1500} onChange={(e) => setAltHi(e.target.value)} />
      </label>
      {write && changed ? (
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void save()}>
          {t('common.save')}
        </button>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
