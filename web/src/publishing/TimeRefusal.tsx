import { useTranslation } from 'react-i18next';
import { formatInZone, type ScheduledAtRefusal } from './zoned-time.js';

type DstRefusal = Extract<ScheduledAtRefusal, { choices: string[] }>;

/**
 * A scheduled time refused at a daylight-saving change (the server's rule, read in the page): what
 * is wrong, in the reader's language, and one button per instant the person may pick instead.
 */
export function TimeRefusal({ refused, onPick, disabled }: { refused: DstRefusal; onPick: (choice: string) => void; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const time = refused.local.replace('T', ' ');
  return (
    <div className="field-issues time-refusal" role="alert" data-reason={refused.reason} data-testid="time-refusal">
      <p>{t(refused.reason === 'nonexistent_local_time' ? 'publishing.schedule.skipped' : 'publishing.schedule.twice', { time, zone: refused.timeZone })}</p>
      <div className="time-choices">
        {refused.choices.map((choice) => (
          <button type="button" className="btn btn-small" key={choice} data-choice={choice} disabled={disabled} onClick={() => onPick(choice)}>
            {formatInZone(choice, refused.timeZone, i18n.language)}
          </button>
        ))}
      </div>
    </div>
  );
}
