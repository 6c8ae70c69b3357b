/** A percent-decoded URL or cookie part, or null when its encoding is malformed. */
export const decodeComponent = (encoded: string): string | null => {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
};
