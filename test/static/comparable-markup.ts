/** Markup as the pre-render tests compare it: with what differs by design between renders taken out. */

/**
 * An element's markup as a browser holds it once parsed: comments (React's text separators in
 * server markup) dropped, adjacent text joined, and the ids `useId` made (which differ between a
 * server and a client render by design) numbered in order of appearance, and the option each
 * select shows marked the same way.
 */
export function comparableMarkup(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  // The option a select shows: React's server markup says it with `selected`, a client render
  // with the property; what the reader sees is the same.
  const chosen = Array.from(element.querySelectorAll('option'), (option) => option.selected);
  copy.querySelectorAll('option').forEach((option, index) => {
    option.removeAttribute('selected');
    if (chosen[index]) option.setAttribute('data-shown', '');
  });
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: ChildNode[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode as ChildNode);
  comments.forEach((comment) => comment.remove());
  copy.normalize();
  let html = copy.outerHTML;
  const made = [...new Set(html.match(/[«_][rR][\w:]*?[»_](?=["\s#-]|[^\w])/g) ?? [])];
  made.forEach((id, index) => (html = html.split(id).join(`«id${index}»`)));
  return html;
}
