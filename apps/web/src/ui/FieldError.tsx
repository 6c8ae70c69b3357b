/** Always rendered, so a screen reader announces an error the moment it appears. */
export const FieldError = ({
  id,
  message,
}: {
  id?: string;
  message?: string | null | undefined;
}) => (
  <p id={id} className="field-error" aria-live="polite">
    {message}
  </p>
);
