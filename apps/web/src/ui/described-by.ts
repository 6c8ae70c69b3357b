/** The ids of everything that describes a control (hint, error, counter), or undefined. */
export const describedBy = (...ids: unknown[]) =>
  ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ') || undefined;
