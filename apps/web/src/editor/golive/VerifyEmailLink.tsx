import type { MouseEvent, ReactNode } from 'react';

/** The verification banner's code field (useAccountForm's id for its `code` field). */
const CODE_FIELD_ID = 'ed-verify-code';

/** Leads to the banner above the screen, where the code from the welcome mail goes. */
export const VerifyEmailLink = ({
  className,
  children,
}: {
  className?: string;
  children: ReactNode;
}) => {
  const focusCode = (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(CODE_FIELD_ID);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };
  return (
    <a href={`#${CODE_FIELD_ID}`} className={className} onClick={focusCode}>
      {children}
    </a>
  );
};
