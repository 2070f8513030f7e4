// The directory module's public face: the only file other modules may import.
export { directoryModule } from './module.ts';

// Reads of the published directory for the observatory's planning view.
export { directoryPlanning, type TopNeed } from './use-cases/read-planning.ts';
