import { useQuery } from '@tanstack/react-query';
import { geoConicEqualArea, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { get } from '../api.ts';
import { pick } from '../i18n.ts';
import type { Checkpoint, List } from '../types.ts';
import { ErrorNote, Loading, StatusBadge } from '../ui.tsx';

const WIDTH = 960;
const HEIGHT = 560;
const FILL: Record<string, string> = { KAZ: '#f3efe2', default: '#e4e8ec' };

/** Checkpoints on an offline map: country outlines from a bundled data set, an equal-area projection for Central Asia. */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [hover, setHover] = useState<Checkpoint | null>(null);
  const boundaries = useQuery({ queryKey: ['boundaries'], queryFn: () => get<FeatureCollection>('/api/v1/geo/boundaries'), staleTime: Infinity });
  const checkpoints = useQuery({ queryKey: ['checkpoints', ''], queryFn: () => get<List<Checkpoint>>('/api/v1/checkpoints') });

  const drawn = useMemo(() => {
    if (!boundaries.data) return null;
    const kaz = boundaries.data.features.find((f) => f.id === 'KAZ');
    const projection = geoConicEqualArea().parallels([42, 52]).rotate([-67, 0]);
    projection.fitExtent([[40, 30], [WIDTH - 40, HEIGHT - 30]], kaz ?? boundaries.data);
    projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
    const path = geoPath(projection);
    return { projection, countries: boundaries.data.features.map((f) => ({ id: String(f.id), d: path(f) ?? '', name: (f.properties as { name?: string } | null)?.name ?? '', centroid: path.centroid(f) })) };
  }, [boundaries.data]);

  if (boundaries.isLoading || checkpoints.isLoading) return <Loading />;
  return (
    <div className="page">
      <h1>{t('map.title')}</h1>
      <ErrorNote error={boundaries.error ?? checkpoints.error} />
      {drawn && (
        <div className="map-wrap">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('map.title')} className="map" data-testid="checkpoint-map">
            <rect width={WIDTH} height={HEIGHT} fill="#cfe3ef" />
            {drawn.countries.map((c) => <path key={c.id} d={c.d} fill={FILL[c.id] ?? FILL.default} stroke="#7d8a96" strokeWidth={c.id === 'KAZ' ? 1.4 : 0.6} />)}
            {drawn.countries.filter((c) => c.id !== 'KAZ' && c.centroid.every(Number.isFinite) && c.centroid[0] > 0 && c.centroid[0] < WIDTH && c.centroid[1] > 0 && c.centroid[1] < HEIGHT).map((c) => (
              <text key={`l-${c.id}`} x={c.centroid[0]} y={c.centroid[1]} className="country-label">{t(`country.${c.id}`)}</text>
            ))}
            {checkpoints.data?.items.map((cp) => {
              const xy = drawn.projection([cp.longitude, cp.latitude]);
              if (!xy) return null;
              return (
                <g key={cp.id} transform={`translate(${xy[0]},${xy[1]})`} className={`cp-marker status-${cp.status}`} tabIndex={0} role="link"
                  aria-label={pick(cp.names, i18n.language)} onMouseEnter={() => setHover(cp)} onFocus={() => setHover(cp)} onMouseLeave={() => setHover(null)}
                  onClick={() => navigate(`/checkpoints/${cp.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/checkpoints/${cp.id}`)}>
                  {cp.transportModes.includes('air') ? <rect x={-5} y={-5} width={10} height={10} /> : <circle r={5.5} />}
                </g>
              );
            })}
          </svg>
          <aside className="map-side">
            <h2>{t('map.legend')}</h2>
            <ul className="plain legend">
              {['open', 'restricted', 'suspended'].map((s) => <li key={s}><span className={`dot status-${s}`} /> {t(`status.${s}`)}</li>)}
              <li><span className="square" /> {t('mode.air')}</li>
            </ul>
            {hover && (
              <div className="hover-card">
                <strong>{pick(hover.names, i18n.language)}</strong> <StatusBadge status={hover.status} />
                <div className="muted">{hover.transportModes.map((m) => t(`mode.${m}`)).join(', ')} · {t(`country.${hover.neighbourCountry ?? 'AIR'}`)}</div>
              </div>
            )}
            <p className="muted small">{t('map.source')}</p>
          </aside>
        </div>
      )}
    </div>
  );
}
