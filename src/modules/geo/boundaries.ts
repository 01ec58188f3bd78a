import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

// Kazakhstan and the states around it, by ISO 3166-1 numeric code as world-atlas keys them.
const REGION = new Map([
  ['398', 'KAZ'], ['156', 'CHN'], ['417', 'KGZ'], ['860', 'UZB'], ['795', 'TKM'], ['643', 'RUS'],
  ['762', 'TJK'], ['496', 'MNG'], ['031', 'AZE'], ['364', 'IRN'], ['004', 'AFG'],
]);

let cached: string | undefined;

/**
 * Country outlines around Kazakhstan as GeoJSON, from the Natural Earth 1:50m data that the
 * world-atlas npm package ships: no tile server, no network. Coordinates rounded to 0.01 degree
 * (about 1 km), ample for an overview map, a third of the size.
 */
export function regionBoundariesJson(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const subset = { ...countries, geometries: countries.geometries.filter((g) => REGION.has(String(g.id))) };
  const collection = feature(topology, subset);
  const round = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? [Math.round(c[0] * 100) / 100, Math.round((c[1] as number) * 100) / 100] : (c as unknown[]).map(round);
  cached = JSON.stringify({
    type: 'FeatureCollection',
    source: 'Natural Earth 1:50m via world-atlas',
    features: collection.features.map((f) => ({
      type: 'Feature',
      id: REGION.get(String(f.id)),
      properties: { name: f.properties?.name, iso3: REGION.get(String(f.id)) },
      geometry: { type: f.geometry.type, coordinates: round((f.geometry as { coordinates: unknown }).coordinates) },
    })),
  });
  return cached;
}
