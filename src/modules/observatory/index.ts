// The observatory module's public face: the only file other modules may import.
export { observatoryModule } from './module.ts';
export { seedObservatoryDemo } from './use-cases/seed-demo.ts';
