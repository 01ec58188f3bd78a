import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MrzParseBody, MrzProblem, MrzView } from '../../contracts/documents.ts';
import { requireCtx } from '../auth/index.ts';
import { mrzProblem } from './mrz-problem.ts';
import { parseMrz } from './mrz.ts';

export async function documentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/mrz/parse', {
    schema: {
      tags: ['documents'],
      summary: 'Parse a machine readable zone (ICAO 9303 TD1, TD2, TD3, MRV-A, MRV-B): 200 when valid; 422 with every failing field and the parsed MRZ otherwise',
      body: MrzParseBody,
      response: { 200: MrzView, 422: MrzProblem },
    },
  }, async (req) => {
    requireCtx(req);
    const mrz = parseMrz(req.body.lines);
    if (!mrz.valid) throw mrzProblem(mrz);
    return mrz;
  });
}
