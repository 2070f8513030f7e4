import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ConflictError, ValidationError, type FieldError } from './errors.ts';

/** RFC 9457 problem details, with the fields at fault. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String(), code: Type.String() }))),
  },
  { $id: 'Problem', description: 'An error, as application/problem+json (RFC 9457)' },
);

/** The standard error responses of an API route, for its schema. */
export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
};

function fieldsOf(error: AppError): FieldError[] {
  if (error instanceof ValidationError || error instanceof ConflictError) return error.fields;
  return [];
}

/** Sends an AppError as application/problem+json in the request's language. */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const fields = fieldsOf(error);
  const body = {
    type: `/api/docs#problem-${error.code}`,
    title: req.t(error.titleKey),
    status: error.status,
    detail: error.detailKey ? req.t(error.detailKey, error.detailValues) : undefined,
    instance: req.url.split('?')[0],
    errors: fields.length
      ? fields.map((f) => ({ field: f.field, message: req.t(f.messageKey, f.values), code: f.messageKey.replace(/^validation\./, '') }))
      : undefined,
  };
  return reply.code(error.status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}
