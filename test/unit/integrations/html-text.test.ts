import { describe, expect, it } from 'vitest';
import { mapHtmlText } from '../../../src/integrations/html-text.ts';
import { simplifiedToTraditional } from '../../../src/domain/script.ts';

const upper = (text: string) => text.toUpperCase();

describe('mapHtmlText', () => {
  it('converts text between tags, never tag names or ordinary attributes', () => {
    expect(mapHtmlText('<p class="note">abc <a href="/x/">link</a></p>', upper)).toBe('<p class="note">ABC <a href="/x/">LINK</a></p>');
  });

  it('leaves code, sample output and keyboard input as written, nested or not', () => {
    const html = '<p>a <code>b</code> c</p><pre tabindex="0"><code>d <span>e</span></code> f</pre><samp>g</samp><kbd>h</kbd> i';
    expect(mapHtmlText(html, upper)).toBe('<p>A <code>b</code> C</p><pre tabindex="0"><code>d <span>e</span></code> f</pre><samp>g</samp><kbd>h</kbd> I');
  });

  it('converts the attributes people read (aria-label, title, alt), also of a kept element', () => {
    expect(mapHtmlText('<pre aria-label="x y" data-z="q"><code>c</code></pre><img alt="pic" src="a.png">', upper)).toBe(
      '<pre aria-label="X Y" data-z="q"><code>c</code></pre><img alt="PIC" src="a.png">',
    );
  });

  it('copes with comments, void elements, self-closing tags and ">" inside quoted values', () => {
    const html = '<!-- keep me --><br><input value="a>b"><p title="x>y">t</p><svg><path d="M0 0"/></svg>u';
    expect(mapHtmlText(html, upper)).toBe('<!-- keep me --><br><input value="a>b"><p title="X>Y">T</p><svg><path d="M0 0"/></svg>U');
  });

  it('turns the Chinese guide Traditional while money stays what the parser reads', () => {
    const html = '<p>金额写成 <code>15万</code>，合计只算已定部分</p>';
    expect(mapHtmlText(html, simplifiedToTraditional)).toBe('<p>金額寫成 <code>15万</code>，合計只算已定部分</p>');
  });
});
