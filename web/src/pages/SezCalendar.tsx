import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import type { List, SezCalendarItem, SezParty } from '../types.ts';
import { ErrorNote } from '../ui.tsx';
import { formatTime, weekdayShort } from '../dates.ts';

/** A month of the SEZ: what falls due on which day, and whether it was met. */
export function SezCalendar({ sez }: { sez: SezParty }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const items = useQuery({ queryKey: ['sez', 'calendar', sez.id, month], queryFn: () => get<List<SezCalendarItem>>(`/api/v1/sez/calendar?sezId=${sez.id}&month=${month}`) });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells = [...Array.from({ length: lead }, () => null), ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  const weekdays = Array.from({ length: 7 }, (_, i) => weekdayShort(i18n.language, i));
  return (
    <section>
      <label className="row">{t('sez.month')} <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} /></label>
      <ErrorNote error={items.error} />
      <div className="calendar" role="grid" aria-label={t('sez.tab.calendar')}>
        {weekdays.map((d) => <div key={d} className="calendar-head">{d}</div>)}
        {cells.map((d, i) => (
          <div key={i} className={`calendar-day${d ? '' : ' empty'}`}>
            {d && <div className="calendar-date">{Number(d.slice(8))}</div>}
            {d && items.data?.items.filter((x) => x.date === d).map((x, j) => (
              <div key={j} className={`calendar-item ob-${x.state}`} title={x.dueAt ? formatTime(x.dueAt, i18n.language, sez.timeZone) : ''}>
                {t(`obligation.${x.kind}`)}{x.title && ` · ${x.title}`} · {t(`sez.state.${x.state}`)}
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
