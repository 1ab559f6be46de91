import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaApi, type Media } from '../api/publishing.js';
import { useCan, useSession } from '../session/session.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useLoad } from '../ui/use-load.js';

/** A media item's picture (or video) with its alt text in the reader's language. */
export function MediaThumb({ media }: { media: Media }) {
  const { locale } = useSession();
  const alt = (locale === 'hi' ? media.altHi || media.altEn : media.altEn || media.altHi) || '';
  return media.mime.startsWith('video/') ? <video src={media.url} preload="metadata" muted aria-label={alt} /> : <img src={media.url} alt={alt} loading="lazy" />;
}

/** The media library as a picker: search by alt text, choose items, or upload a new file with its alt texts. */
export function MediaPicker({ chosen, onToggle, onClose }: { chosen: readonly string[]; onToggle: (m: Media) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const library = useLoad(() => mediaApi.list({ q: query || undefined, limit: 60 }), [query]);
  return (
    <div className="panel media-picker" data-testid="media-picker">
      <div className="panel-head">
        <h3>{t('publishing.media.pick')}</h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <form
        className="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <label className="field">
          <span>{t('publishing.media.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          {t('common.search')}
        </button>
      </form>
      <ErrorMessage error={library.error} />
      <div className="media-grid">
        {(library.data?.media ?? []).map((m) => (
          <button type="button" key={m.sha256} className={chosen.includes(m.sha256) ? 'media-tile is-chosen' : 'media-tile'} aria-pressed={chosen.includes(m.sha256)} onClick={() => onToggle(m)}>
            <MediaThumb media={m} />
            <span>{m.altEn || m.altHi || t('publishing.media.noAlt')}</span>
          </button>
        ))}
      </div>
      {library.data && library.data.media.length === 0 ? <p className="muted">{t('publishing.media.none')}</p> : null}
      {can('media.write') ? <MediaUpload onUploaded={(m) => (library.reload(), onToggle(m))} /> : null}
    </div>
  );
}

/** Uploads one image or video with its alt texts; the server checks its type and size. */
export function MediaUpload({ onUploaded }: { onUploaded: (m: Media) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [altEn, setAltEn] = useState('');
  const [altHi, setAltHi] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formKey, setFormKey] = useState(0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const { media } = await mediaApi.upload(file, { altEn: altEn.trim() || undefined, altHi: altHi.trim() || undefined });
      setFile(null);
      setAltEn('');
      setAltHi('');
      setFormKey((k) => k + 1);
      onUploaded(media);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form key={formKey} className="form form-grid" onSubmit={(e) => void submit(e)} data-testid="media-upload">
      <label className="field">
        <span>{t('publishing.media.file')}</span>
        <input type="file" name="file" accept="image/jpeg,image/png,image/gif,image/webp,video/mp4" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label className="field">
        <span>{t('publishing.media.altEn')}</span>
        <input name="altEn" value={altEn} maxLength={1500} onChange={(e) => setAltEn(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('publishing.media.altHi')}</span>
        <input name="altHi" value={altHi} maxLength={1500} lang="hi" onChange={(e) => setAltHi(e.target.value)} />
      </label>
      <div className="form-actions field-wide">
        <button type="submit" className="btn" disabled={busy || !file}>
          {t('publishing.media.upload')}
        </button>
      </div>
      <div className="field-wide">
        <ErrorMessage error={error} />
      </div>
    </form>
  );
}
