import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its qualified name, attributes, child elements and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (entities decoded), without its children's. */
  text: string;
}

/**
 * Parses an XML document strictly with saxes, a conforming parser: well-formedness, the characters XML allows, `]]>`
 * outside CDATA, bound namespace prefixes. Throws at the first error; returns the root element.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const document: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [document];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([name, attribute]) => [name, attribute.value])), children: [], text: '' };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (text) => (open.at(-1)!.text += text));
  parser.on('cdata', (text) => (open.at(-1)!.text += text));
  parser.write(xml).close();
  if (document.children.length !== 1) throw new Error('expected one root element');
  return document.children[0]!;
}

/** The child elements of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The first child element of `element` named `name`; throws when there is none. */
export function childNamed(element: XmlElement, name: string): XmlElement {
  const child = element.children.find((candidate) => candidate.name === name);
  if (!child) throw new Error(`<${element.name}> has no <${name}>`);
  return child;
}
