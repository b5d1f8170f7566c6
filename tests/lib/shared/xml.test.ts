import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeXml, xmlText } from '../../../src/lib/shared/xml.ts';
import { parseXml } from '../../helpers/xml.ts';
import { anyString } from '../digest/arbitraries.ts';

describe('xmlText', () => {
  test('replaces the characters XML 1.0 forbids with U+FFFD and keeps the rest', () => {
    expect(xmlText('a\u0000b\u0007c\u001fd\ufffee\uffff')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffd');
    expect(xmlText('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    expect(xmlText('tab\tline\ncr\r é 😀 \u2028 <&>')).toBe('tab\tline\ncr\r é 😀 \u2028 <&>');
    expect(xmlText('')).toBe('');
  });
});

describe('escapeXml', () => {
  test('escapes markup characters and quotes', () => {
    expect(escapeXml(`<a href="x">&'</a> ]]>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; ]]&gt;');
  });

  test('gives text any XML parser reads back, as content and as an attribute, whatever the input', () => {
    fc.assert(
      fc.property(anyString(40), (text) => {
        const element = parseXml(`<a b="${escapeXml(text)}">${escapeXml(text)}</a>`);
        // XML reads line ends as \n, and an attribute's white space as spaces.
        expect(element.text).toBe(xmlText(text).replace(/\r\n?/g, '\n'));
        expect(element.attributes.b).toBe(xmlText(text).replace(/\r\n|[\t\n\r]/g, ' '));
      }),
    );
  });
});
