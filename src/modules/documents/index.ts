export { documentRoutes } from './documents.routes.ts';
export { parseMrz, checkDigit, type MrzResult, type MrzFormat } from './mrz.ts';
