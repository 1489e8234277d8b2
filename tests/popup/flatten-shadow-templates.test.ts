// @vitest-environment happy-dom
/**
 * flattenShadowTemplates on documents parsed inertly with DOMParser, as the popup parses the page
 * the content script serialised: each open declarative shadow template becomes its host's content,
 * slots replaced by the light children assigned to them (by name, default, first slot of a name)
 * or by their fallback, nested templates too; anything else is left exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenShadowTemplates } from '../../src/popup/flatten-shadow-templates.ts';

function parse(bodyHtml: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head></head><body>${bodyHtml}</body></html>`,
    'text/html',
  );
}

/** The flattened body's text, line breaks (added around blocks) shown as ' | '. */
function flatText(bodyHtml: string): string {
  const doc = parse(bodyHtml);
  flattenShadowTemplates(doc);
  return (doc.body.textContent ?? '').trim().replace(/\n/g, ' | ');
}

describe('flattenShadowTemplates', () => {
  it('puts light children in their named slots and the default slot, and drops unassigned ones', () => {
    expect(
      flatText(
        '<x-story><template shadowrootmode="open"><h1>Head</h1><slot name="lede"></slot><p>Middle</p><slot></slot><slot name="tail"></slot></template>' +
          '<p slot="tail">Tail</p>loose text<p slot="lede">Lede</p><p>Default</p><p slot="nowhere">Never rendered</p></x-story>',
      ),
    ).toBe('Head | Lede | Middle | loose text | Default | Tail');
  });

  it('uses a slot’s fallback children only when nothing is assigned to it', () => {
    expect(
      flatText(
        '<x-a><template shadowrootmode="open"><slot name="a"><b>fallback A</b></slot><slot name="b"><b>fallback B</b></slot></template>' +
          '<span slot="a">given A</span></x-a>',
      ),
    ).toBe('given Afallback B');
  });

  it('gives a name’s nodes to the first slot of that name in tree order; a later one shows its fallback', () => {
    expect(
      flatText(
        '<x-a><template shadowrootmode="open"><div><slot name="n">first fallback</slot></div><slot name="n">second fallback</slot></template>' +
          '<i slot="n">assigned</i></x-a>',
      ),
    ).toBe('assigned | second fallback');
  });

  it('flattens nested shadow templates, passing an outer slot through an inner host', () => {
    const doc = parse(
      '<x-outer><template shadowrootmode="open"><p>Outer start</p>' +
        '<x-inner><template shadowrootmode="open"><blockquote>Inner quote</blockquote><slot name="in"></slot><x-deep><template shadowrootmode="open"><em>Deepest</em></template></x-deep></template>' +
        '<slot slot="in" name="out">outer fallback</slot><span>inner unslotted</span></x-inner>' +
        '<p>Outer end</p></template><b slot="out">Passed through</b></x-outer>',
    );
    flattenShadowTemplates(doc);
    expect((doc.body.textContent ?? '').trim().replace(/\n/g, ' | ')).toBe(
      'Outer start | Inner quote | Passed throughDeepest | Outer end',
    );
    expect(doc.querySelectorAll('template, slot')).toHaveLength(0);
  });

  it('flattens a light child that is itself a host where its slot places it', () => {
    expect(
      flatText(
        '<x-a><template shadowrootmode="open"><p>A says</p><slot></slot></template>' +
          '<x-b><template shadowrootmode="open"><p>B says</p><slot></slot></template>B light</x-b></x-a>',
      ),
    ).toBe('A says | B says | B light');
  });

  it('leaves closed templates and templates that are not their host’s first child alone', () => {
    const html =
      '<x-a><template shadowrootmode="closed"><p>Closed secret</p></template><p>A light</p></x-a>' +
      '<x-b><p>B light</p><template shadowrootmode="open"><p>Never attached</p></template></x-b>';
    const doc = parse(html);
    const before = doc.documentElement.outerHTML;
    flattenShadowTemplates(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    // Template content is not text of the document: neither one is read.
    expect(doc.body.textContent).toBe('A lightB light');
  });

  it('leaves a page without shadow templates byte for byte as it was', () => {
    const page = readFileSync(join(process.cwd(), 'tests/fixtures/pages/iraq-troops-article.html'), 'utf8');
    const doc = new DOMParser().parseFromString(page, 'text/html');
    const before = doc.documentElement.outerHTML;
    flattenShadowTemplates(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('puts a line break around blocks of a shadow tree written without whitespace', () => {
    const doc = parse(
      '<x-a><template shadowrootmode="open"><h1>Title</h1>Loose<p>One.</p><slot></slot><p>Three.</p></template><p>Two.</p></x-a>',
    );
    flattenShadowTemplates(doc);
    expect(doc.body.textContent).toBe('Title\nLoose\nOne.\nTwo.\nThree.\n');
  });
});
