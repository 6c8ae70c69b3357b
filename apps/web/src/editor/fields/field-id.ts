/** The id of the control for a field path, e.g. "hours.monday.close" → "f-hours-monday-close". */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-') || 'section'}`;
