import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import { datasetRepository } from '../data/repository.ts';
import { uploadRepository, type Upload } from '../data/uploads-repository.ts';
import { previewFile } from '../importers/parse-file.ts';
import { suggestMapping } from '../importers/suggest-mapping.ts';
import { checkTidyMapping } from '../importers/tidy-csv.ts';
import { canImportInto, canPublish, importReach } from '../policy.ts';
import { checkUpload, loadOwnUpload } from '../use-cases/check-upload.ts';
import { queueImport } from '../use-cases/queue-import.ts';
import { MAX_UPLOAD_BYTES, stageUpload } from '../use-cases/stage-upload.ts';
import { manageCrumbs } from '../views/components.ts';
import { isRunning, progressView } from '../views/progress-view.ts';
import { uploadFormView } from '../views/upload-form-view.ts';
import { uploadView } from '../views/upload-view.ts';
import { actorOf, requireAnalystPage } from './guards.ts';
import { regionNamer } from './manage-routes.ts';
import { formFieldOf, mappingFromForm, mappingToForm } from './mapping-form.ts';
import { metadataDefaults, MetadataForm, newDatasetFromForm } from './metadata-form.ts';

async function renderUploadForm(req: FastifyRequest, reply: FastifyReply, ctx: ModuleContext, state: FormState, status = 200): Promise<FastifyReply> {
  const actor = actorOf(req);
  const reach = importReach(actor);
  const { items } = await datasetRepository.listDatasets(ctx.db, { unpublishedReach: reach, limit: 500, offset: 0 });
  const regions = await territory.listRegions(ctx.db);
  return sendPage(reply, req, {
    title: req.t('observatory.staff.upload.title'),
    audience: 'staff',
    status,
    breadcrumbs: manageCrumbs(req),
    body: uploadFormView(req, state, {
      datasets: items.filter((d) => canImportInto(actor, d.regionCode)),
      regions: reach.all ? regions : regions.filter((r) => reach.regionCodes.includes(r.code)),
      canImportNational: reach.all,
      maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
    }),
  });
}

async function renderUploadPage(req: FastifyRequest, reply: FastifyReply, ctx: ModuleContext, upload: Upload, forms: { mapping?: FormState; metadata?: FormState } = {}, status = 200): Promise<FastifyReply> {
  const bytes = (await uploadRepository.content(ctx.db, upload.id)) ?? new Uint8Array();
  const preview = previewFile(bytes, upload.format);
  const dataset = upload.datasetId ? await datasetRepository.findDataset(ctx.db, upload.datasetId) : null;
  let mapping: FormState | null = null;
  if (upload.format === 'tidy-csv') mapping = forms.mapping ?? emptyForm(mappingToForm(upload.mapping ?? suggestMapping(preview.header, preview.rows, preview.separator), preview.header));
  return sendPage(reply, req, {
    title: req.t('observatory.staff.upload.pageTitle', { file: upload.fileName }),
    audience: 'staff',
    status,
    breadcrumbs: manageCrumbs(req),
    body: uploadView(req, {
      upload,
      dataset,
      regionName: (await regionNamer(ctx, req.t))(upload.regionCode),
      separator: preview.separator,
      encoding: preview.encoding,
      header: preview.header,
      rows: preview.rows,
      mapping,
      metadata: dataset ? null : (forms.metadata ?? emptyForm(metadataDefaults(upload, preview))),
    }),
  });
}

/** The import pages: upload (multipart, in its own plugin scope), the file's page with its mapping and report, import, progress. */
export async function registerUploadRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const guarded = { onRequest: requireAnalystPage };
  const uploadPath = (upload: Upload, suffix = '') => `/observatory/manage/uploads/${upload.id}${suffix}`;

  app.get('/:lang/observatory/manage/uploads/new', guarded, async (req, reply) => {
    const dataset = (req.query as { dataset?: string }).dataset;
    return renderUploadForm(req, reply, ctx, emptyForm({ dataset: dataset ?? 'new' }));
  });

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1000, parts: 12 } });
    scope.post('/:lang/observatory/manage/uploads', guarded, async (req, reply) => {
      const fields: Record<string, string> = {};
      let file: { name: string; bytes: Uint8Array } | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.filename && bytes.byteLength > 0) file = { name: part.filename, bytes };
          } else {
            fields[part.fieldname] = String(part.value ?? '');
          }
        }
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        return renderUploadForm(req, reply, ctx, { values: fields, errors: [{ field: 'file', messageKey: 'observatory.staff.upload.fileTooLarge', values: { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 } }] }, 422);
      }
      try {
        const datasetId = fields.dataset && fields.dataset !== 'new' ? fields.dataset : null;
        const regionCode = !fields.region || fields.region === 'national' ? null : fields.region;
        const upload = await stageUpload({ db: ctx.db, actor: actorOf(req), file, datasetId, regionCode });
        return reply.redirect(href(req, uploadPath(upload)), 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderUploadForm(req, reply, ctx, { values: fields, errors: error.fields }, 422);
      }
    });
  });

  app.get('/:lang/observatory/manage/uploads/:id', guarded, async (req, reply) => {
    const upload = await loadOwnUpload(ctx.db, actorOf(req), (req.params as { id: string }).id);
    if (isRunning(upload) || upload.status === 'done') return reply.redirect(href(req, uploadPath(upload, '/progress')), 303);
    return renderUploadPage(req, reply, ctx, upload);
  });

  app.post('/:lang/observatory/manage/uploads/:id/mapping', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const upload = await loadOwnUpload(ctx.db, actor, (req.params as { id: string }).id);
    const bytes = (await uploadRepository.content(ctx.db, upload.id)) ?? new Uint8Array();
    const { header } = previewFile(bytes, upload.format, 0);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const mapping = mappingFromForm(body, header);
      const problems = checkTidyMapping(mapping, header);
      if (problems.length) throw new ValidationError(problems.map((p) => ({ field: formFieldOf(p.field, mapping, header), messageKey: p.messageKey, values: p.values })));
      await checkUpload({ db: ctx.db, actor, uploadId: upload.id, mapping });
      return reply.redirect(`${href(req, uploadPath(upload))}#report`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
      return renderUploadPage(req, reply, ctx, upload, { mapping: { values, errors: error.fields } }, 422);
    }
  });

  app.post('/:lang/observatory/manage/uploads/:id/import', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const upload = await loadOwnUpload(ctx.db, actor, (req.params as { id: string }).id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      const newDataset = upload.datasetId ? null : newDatasetFromForm(parseForm(MetadataForm, body), upload.regionCode);
      await queueImport({ db: ctx.db, jobs: ctx.jobs, actor, uploadId: upload.id, newDataset });
      return reply.redirect(href(req, uploadPath(upload, '/progress')), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
      return renderUploadPage(req, reply, ctx, upload, { metadata: { values, errors: error.fields } }, 422);
    }
  });

  app.get('/:lang/observatory/manage/uploads/:id/progress', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const upload = await loadOwnUpload(ctx.db, actor, (req.params as { id: string }).id);
    const dataset = upload.status === 'done' && upload.datasetId ? await datasetRepository.findDataset(ctx.db, upload.datasetId) : null;
    const isAutoRefresh = isRunning(upload) && (req.query as { refresh?: string }).refresh !== 'off';
    // A Refresh header reloads the page without JavaScript (a <meta> refresh does too, but cannot be told apart
    // from a page that moves on by itself); the page offers to stop it.
    if (isAutoRefresh) reply.header('refresh', '2');
    return sendPage(reply, req, {
      title: req.t('observatory.staff.progress.title', { file: upload.fileName }),
      audience: 'staff',
      breadcrumbs: manageCrumbs(req),
      body: progressView(req, { upload, dataset, canPublish: dataset ? canPublish(actor, dataset) : false, isAutoRefresh }),
    });
  });
}
