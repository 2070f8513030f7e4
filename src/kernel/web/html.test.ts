import { describe, expect, it } from 'vitest';
import { attrs, html, raw } from './html.ts';

describe('html', () => {
  it('escapes interpolated text', () => {
    expect(html`<p>${'<script>alert("x")</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });
  it('keeps safe markup and joins arrays', () => {
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>${raw('<hr>')}`.value).toBe('<ul><li>a</li><li>b</li></ul><hr>');
  });
  it('renders attributes, dropping empty ones', () => {
    expect(attrs({ id: 'x', required: true, disabled: false, title: 'a"b' }).value).toBe('id="x" required title="a&quot;b"');
  });
});
