import type { AnyNode, Element } from 'domhandler';
import { parseByline } from './credits';
import type { Doc } from './dom';
import { textOf } from './dom';
import { BEIJING, toIsoDate } from './date';

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
export function takeByline($: Doc, root: AnyNode, zoneless = BEIJING): Byline {
  const scope = $(root);
  let authors: string[] = [];
  let publishedAt: string | null = null;

  const address = scope.find('address').first();
  if (address.length > 0) {
    authors = parseByline(address.text());
    address.remove();
  }
  const time = scope.find('time[pudate], time[datetime]').first();
  if (time.length > 0) {
    publishedAt = toIsoDate(time.attr('pudate') ?? time.attr('datetime'), zoneless);
    time.remove();
  }
  if (authors.length === 0 || !publishedAt) {
    scope.find('div > i').each((_, el) => {
      const lines = textOf(el).split('\n');
      const dateLine = lines.findIndex((line) => DATE_LINE.test(line));
      if (dateLine < 0) return;
      if (authors.length === 0 && dateLine > 0) authors = parseByline(lines.slice(0, dateLine).join(', '));
      publishedAt ??= toIsoDate(lines[dateLine], zoneless);
      const parent = (el as Element).parent;
      $(parent && (parent as Element).name === 'div' ? parent : el).remove();
      return false;
    });
  }
  return { authors, publishedAt };
}
