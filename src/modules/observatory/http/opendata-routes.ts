import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { buildCatalog, readIpaCode } from '../opendata/catalog.ts';
import { toJsonLd, toTurtle } from '../opendata/rdf.ts';
import { exportDatasetCsv, listCatalogEntries } from '../use-cases/export-open-data.ts';

const TITLE = { it: 'Catalogo dei dati aperti dell\u2019osservatorio regionale sull\u2019immigrazione', en: 'Open data catalogue of the regional migration observatory' };
const DESCRIPTION = {
  it: 'Dataset statistici pubblicati dall\u2019osservatorio (Istat, Ministero dell\u2019Interno) e indicatori calcolati, con distribuzioni CSV.',
  en: 'Statistical datasets published by the observatory (Istat, Ministry of the Interior) and computed indicators, with CSV distributions.',
};

/** The DCAT-AP_IT catalogue (JSON-LD and Turtle) and the CSV distributions of the published datasets. */
export function registerOpenDataRoutes(app: FastifyInstance, ctx: ModuleContext, suppressBelow: number): void {
  const publisher = {
    baseUrl: ctx.config.baseUrl,
    ipaCode: readIpaCode(),
    name: process.env.OPENDATA_PUBLISHER_NAME?.trim() || ctx.config.ownerName,
    email: ctx.config.contactEmail,
  };
  const catalog = async () => buildCatalog(publisher, await listCatalogEntries({ db: ctx.db, baseUrl: publisher.baseUrl }), TITLE, DESCRIPTION);

  app.get('/opendata/catalog.jsonld', async (_req, reply) => reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(toJsonLd(await catalog()))));
  app.get('/opendata/catalog.ttl', async (_req, reply) => reply.type('text/turtle; charset=utf-8').send(toTurtle(await catalog())));
  app.get('/opendata/datasets/:file', async (req, reply) => {
    const match = /^([a-z0-9-]+)\.csv$/.exec((req.params as { file: string }).file);
    const csv = match ? await exportDatasetCsv({ db: ctx.db, key: match[1]!, suppressBelow }) : null;
    if (csv === null) throw new NotFoundError();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${match![1]}.csv"`).send(csv);
  });
}
