import type { ReactNode } from 'react';

/**
 * A translated message with an element where its `{link}` stands, e.g. "Ich akzeptiere die
 * {link}" with a link to the AGB, so each language puts the link where its grammar wants it.
 */
export const withLink = (message: string, link: ReactNode): ReactNode => {
  const at = message.indexOf('{link}');
  if (at < 0) return message;
  return (
    <>
      {message.slice(0, at)}
      {link}
      {message.slice(at + '{link}'.length)}
    </>
  );
};
