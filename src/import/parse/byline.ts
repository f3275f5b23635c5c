import type { AnyNode, Element } from 'domhandler';
import { parseByline } from './credits';
import { BEIJING, toIsoDate } from './date';
import { removeNode, textOf, walkElements } from './dom';

export interface Byline {
  authors: string[];
  publishedAt: string | null;
}

const DATE_LINE = /^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;

/**
 * Takes the byline out of a content fragment (so it never becomes a paragraph). Knows the two seed layouts:
 * 2024+: `<address>A, B</address><time pudate="2024-05-20 09:02:29">`;
 * 2020-21: `<div><i>AUTHOR<br>2020-12-01 10:28:55</i></div>`.
 * Both print Beijing time without a zone; `zoneless` says which offset to assume for them.
 */
export function takeByline(root: AnyNode, zoneless = BEIJING): Byline {
  let address: Element | undefined;
  let time: Element | undefined;
  let italicDate: { el: Element; lines: string[]; dateLine: number } | undefined;
  walkElements(root, (el) => {
    if (el.name === 'address' && !address) address = el;
    else if (el.name === 'time' && !time && (el.attribs.pudate || el.attribs.datetime)) time = el;
    else if (el.name === 'i' && !italicDate && (el.parent as Element | null)?.name === 'div') {
      const lines = textOf(el).split('\n');
      const dateLine = lines.findIndex((line) => DATE_LINE.test(line));
      if (dateLine >= 0) italicDate = { el, lines, dateLine };
    }
    return !(address && time && italicDate);
  });

  let authors: string[] = [];
  let publishedAt: string | null = null;
  if (address) {
    authors = parseByline(textOf(address).replace(/\n/g, ', '));
    removeNode(address);
  }
  if (time) {
    publishedAt = toIsoDate(time.attribs.pudate ?? time.attribs.datetime, zoneless);
    removeNode(time);
  }
  if (italicDate && (authors.length === 0 || !publishedAt)) {
    const { el, lines, dateLine } = italicDate;
    if (authors.length === 0 && dateLine > 0) authors = parseByline(lines.slice(0, dateLine).join(', '));
    publishedAt ??= toIsoDate(lines[dateLine], zoneless);
    removeNode(el.parent ?? el);
  }
  return { authors, publishedAt };
}
