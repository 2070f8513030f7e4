import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { hoursOf } from '../domain/attendance.ts';
import { textIn } from '../domain/content.ts';
import { EDITION_STATES, MODALITIES } from '../domain/vocabulary.ts';
import { listCalls } from '../use-cases/list-calls.ts';
import { verifyCertificate } from '../use-cases/verify-certificate.ts';

const tags = ['training'];

const EditionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  path: Type.Object({ code: Type.String(), title: Type.String(), hours: Type.Integer(), modality: Type.Unsafe<string>({ type: 'string', enum: [...MODALITIES] }) }),
  number: Type.Integer(),
  regionCode: Type.String(),
  startsOn: Type.String({ format: 'date' }),
  endsOn: Type.String({ format: 'date' }),
  seats: Type.Integer(),
  state: Type.Unsafe<string>({ type: 'string', enum: EDITION_STATES.filter((s) => s !== 'draft') }),
  url: Type.String({ description: 'The public page with the application form' }),
});

const VerificationSchema = Type.Object({
  status: Type.Unsafe<string>({ type: 'string', enum: ['valid', 'revoked'] }),
  code: Type.String(),
  holderName: Type.Optional(Type.String({ description: 'Only for a valid certificate' })),
  path: Type.Optional(Type.Object({ code: Type.String(), title: Type.String() })),
  edition: Type.Optional(Type.Object({ number: Type.Integer(), regionCode: Type.String(), startsOn: Type.String({ format: 'date' }), endsOn: Type.String({ format: 'date' }) })),
  hoursAttended: Type.Optional(Type.Number()),
  hoursPlanned: Type.Optional(Type.Number()),
  competences: Type.Optional(Type.Array(Type.String())),
  issuedAt: Type.Optional(Type.String({ format: 'date-time' })),
  revokedAt: Type.Optional(Type.String({ format: 'date-time' })),
  revocationReason: Type.Optional(Type.String()),
});

/** The public training API: editions past their draft, and certificate verification. */
export function registerTrainingApi(app: FastifyInstance, ctx: ModuleContext): void {
  app.get(
    '/api/v1/training/editions',
    { schema: { tags, summary: 'Editions of the training paths (open calls first); no personal data', response: { 200: Type.Object({ items: Type.Array(EditionSchema) }), ...problemResponses } } },
    async (req) => {
      const { paths } = await listCalls({ ctx });
      return {
        items: paths.flatMap(({ path, editions }) =>
          editions.map((e) => ({
            id: e.id,
            path: { code: path.code, title: textIn(path.title, req.locale), hours: path.hours, modality: path.modality },
            number: e.number,
            regionCode: e.regionCode,
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            seats: e.seats,
            state: e.state,
            url: `${ctx.config.baseUrl}/${req.locale}/training/editions/${e.id}`,
          })),
        ),
      };
    },
  );

  app.get(
    '/api/v1/training/certificates/:code',
    {
      schema: {
        tags,
        summary: 'Verifies a certificate: the full content of a valid one, only the revocation of a revoked one',
        params: Type.Object({ code: Type.String({ maxLength: 20 }) }),
        response: { 200: VerificationSchema, ...problemResponses },
      },
    },
    async (req) => {
      const verification = await verifyCertificate({ db: ctx.db, code: (req.params as { code: string }).code });
      if (verification.status === 'unknown') throw new NotFoundError();
      if (verification.status === 'revoked') {
        return { status: 'revoked', code: verification.code, revokedAt: verification.revokedAt.toISOString(), revocationReason: verification.reason };
      }
      const c = verification.certificate;
      return {
        status: 'valid',
        code: c.code,
        holderName: c.holderName,
        path: { code: c.pathCode, title: textIn(c.pathTitle, req.locale) },
        edition: { number: c.editionNumber, regionCode: c.regionCode, startsOn: c.startsOn, endsOn: c.endsOn },
        hoursAttended: hoursOf(c.minutesAttended),
        hoursPlanned: hoursOf(c.minutesPlanned),
        competences: c.competences.map((x) => textIn(x, req.locale)),
        issuedAt: c.issuedAt.toISOString(),
      };
    },
  );
}
