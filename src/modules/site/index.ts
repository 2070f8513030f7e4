// The site module's public face.
export { siteModule } from './module.ts';
