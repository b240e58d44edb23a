/**
 * File names of built assets. GeoJSON goes out as `.json`: servers compress `application/json`,
 * while many (`vite preview` among them) send `.geojson` as it is — the state outlines then
 * cross the wire as 208 kB instead of ~60 kB. Used by the app's build and the bench's baseline
 * page, so both are served alike.
 */
export function assetFileNames(asset: { names: readonly string[] }): string {
  return asset.names.some((n) => n.endsWith('.geojson'))
    ? 'assets/[name]-[hash].json'
    : 'assets/[name]-[hash][extname]';
}
