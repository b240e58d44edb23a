/**
 * An HTML marker on the map (labels, count badges): MapLibre's Marker, placed and kept in step
 * with the camera, but not re-placed on every `idle`. MapLibre re-places each marker whenever the
 * map goes idle, to follow terrain that this map does not have; the overview goes idle after
 * every date step, so 60 markers cost ~2 ms of every step at 10 000 cooperations. Camera moves
 * still move them (`move`, `moveend`).
 */
import * as maplibregl from 'maplibre-gl';

export function placeMarker(
  map: maplibregl.Map,
  at: [number, number],
  options: maplibregl.MarkerOptions,
): maplibregl.Marker {
  const marker = new maplibregl.Marker(options).setLngLat(at).addTo(map);
  // The very listener MapLibre registered (an instance field, so `off` finds it).
  map.off('idle', marker._update as () => void);
  return marker;
}
