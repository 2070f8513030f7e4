// A tiny RDF graph model serialised two ways (JSON-LD and Turtle) from the same nodes, so both say the same.

/** An RDF object: an IRI or a literal (language-tagged or typed). */
export type Term = { iri: string } | { literal: string; lang?: string; datatype?: string };

/** A subject with its types and predicate → objects (predicates as prefixed names). */
export interface RdfNode {
  id: string;
  types: string[];
  props: Record<string, Term[]>;
}

/** The prefixes the catalogue uses. */
export const PREFIXES: Record<string, string> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** Expands a prefixed name (`dct:title`) to its IRI. */
export function expand(name: string): string {
  const [prefix, local] = name.split(':', 2) as [string, string];
  const base = PREFIXES[prefix];
  if (!base) throw new Error(`Unknown prefix in ${name}`);
  return base + local;
}

/** The graph as JSON-LD: an @context of the prefixes and one @graph entry per node. */
export function toJsonLd(nodes: RdfNode[]): Record<string, unknown> {
  return {
    '@context': PREFIXES,
    '@graph': nodes.map((n) => {
      const out: Record<string, unknown> = { '@id': n.id, '@type': n.types };
      for (const [p, terms] of Object.entries(n.props)) {
        out[p] = terms.map((t) => ('iri' in t ? { '@id': t.iri } : t.lang ? { '@value': t.literal, '@language': t.lang } : t.datatype ? { '@value': t.literal, '@type': t.datatype } : { '@value': t.literal }));
      }
      return out;
    }),
  };
}

/** Escapes a Turtle string literal (quotes, backslashes, control characters). */
export function escapeTurtle(text: string): string {
  return text.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!).replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function iriRef(iri: string): string {
  if (/[\u0000-\u0020<>"{}|^`\\]/.test(iri)) throw new Error(`Invalid IRI ${iri}`);
  return `<${iri}>`;
}

function termToTurtle(t: Term): string {
  if ('iri' in t) return iriRef(t.iri);
  const lit = `"${escapeTurtle(t.literal)}"`;
  return t.lang ? `${lit}@${t.lang}` : t.datatype ? `${lit}^^${t.datatype}` : lit;
}

/** The graph as Turtle. */
export function toTurtle(nodes: RdfNode[]): string {
  const head = Object.entries(PREFIXES).map(([p, iri]) => `@prefix ${p}: <${iri}> .`).join('\n');
  const body = nodes.map((n) => {
    const lines = [`a ${n.types.join(', ')}`, ...Object.entries(n.props).map(([p, terms]) => `${p} ${terms.map(termToTurtle).join(', ')}`)];
    return `${iriRef(n.id)}\n    ${lines.join(' ;\n    ')} .`;
  });
  return `${head}\n\n${body.join('\n\n')}\n`;
}
