import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../web/html.ts';
import { sendPage } from '../web/layout.ts';

interface OpenApiDoc {
  info: { title: string; description?: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function schemaBlock(schema: unknown): SafeHtml {
  if (!schema) return html``;
  return html`<pre class="border rounded p-2 bg-light small cv-schema" tabindex="0"><code>${JSON.stringify(schema, null, 2)}</code></pre>`;
}

function operationBlock(path: string, method: string, op: Operation): SafeHtml {
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
  return html`<section class="mb-4" id="${id}" aria-labelledby="${id}-title">
    <h3 class="h5" id="${id}-title"><span class="badge bg-primary text-uppercase">${method}</span> <code>${path}</code></h3>
    ${op.summary ? html`<p>${op.summary}</p>` : ''}
    ${op.parameters?.length
      ? html`<div class="cv-table-wrap" tabindex="0" role="region" aria-label="${path} ${method} parameters"><table class="table table-sm"><caption>Parameters</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead>
          <tbody>${op.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${JSON.stringify(p.schema ?? {})}</code></td></tr>`)}</tbody></table></div>`
      : ''}
    ${op.requestBody?.content
      ? html`<h4 class="h6">Request body</h4>${Object.entries(op.requestBody.content).map(([type, c]) => html`<p><code>${type}</code></p>${schemaBlock(c.schema)}`)}`
      : ''}
    <h4 class="h6">Responses</h4>
    <ul>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><strong>${status}</strong> ${r.description ?? ''}
      ${r.content ? Object.entries(r.content).map(([type, c]) => html`<details><summary><code>${type}</code></summary>${schemaBlock(c.schema)}</details>`) : ''}</li>`)}</ul>
  </section>`;
}

/** A readable reference of the OpenAPI document, rendered on the server. */
export function renderApiDocs(req: FastifyRequest, reply: FastifyReply, doc: OpenApiDoc): FastifyReply {
  const byTag = new Map<string, SafeHtml[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationBlock(path, method, op)]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return sendPage(reply, req, {
    title: req.t('apiDocs.title'),
    body: html`<h1 class="cv-page-title">${req.t('apiDocs.title')}</h1>
      <p class="lead">${req.t('apiDocs.intro')}</p>
      <p><a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${'3.1'})</p>
      <nav aria-label="${req.t('apiDocs.sections')}"><ul>${tags.map((tag) => html`<li><a href="#tag-${tag}">${tag}</a></li>`)}</ul></nav>
      ${tags.map((tag) => html`<h2 id="tag-${tag}" class="mt-5">${tag}</h2>${byTag.get(tag) ?? []}`)}
      <h2 class="mt-5">${req.t('apiDocs.problems')}</h2>
      <p>${req.t('apiDocs.problemsIntro')}</p>
      <ul>${['validation', 'not-found', 'unauthenticated', 'conflict', 'csrf', 'rate-limited', 'bad-request', 'too-large', 'internal'].map(
        (code) => html`<li id="problem-${code}"><code>/api/docs#problem-${code}</code></li>`,
      )}</ul>`,
  });
}
