// The territory module's public face: the only file other modules may import.
export { territoryModule } from './module.ts';
export { territoryRepository as territory } from './data/repository.ts';
export type { Region, Province, Municipality, NamedCode } from './data/repository.ts';
export { loadRegionBoundaries, loadProvinceBoundaries } from './reference/boundaries.ts';
export type { BoundaryCollection, BoundaryFeature } from './reference/boundaries.ts';
export { decodeWindows1252 } from './reference/windows-1252.ts';
