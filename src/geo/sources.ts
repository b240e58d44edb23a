/** The map geometry as loaded from data/geo/ (BKG VG250): state polygons and place points. */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export interface StateProps {
  id: string;
  ags: string;
  /** Where the Land's label and its links sit. */
  anchor: [number, number];
}
export interface PlaceProps {
  id: string;
  name: string;
}
export type StateCollection = FeatureCollection<Polygon | MultiPolygon, StateProps> & {
  attribution?: string;
};
export type PlaceCollection = FeatureCollection<Point, PlaceProps>;

export interface GeoSources {
  states: StateCollection;
  places: PlaceCollection;
}
