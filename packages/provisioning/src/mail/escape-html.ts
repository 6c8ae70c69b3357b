const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Makes a value safe as HTML text and inside a quoted attribute. */
export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (character) => entities[character] ?? character);
