// The directory module's public face: the only file other modules may import.
export { directoryModule } from './module.ts';
