export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** Complete events of a `text/event-stream` body (an unfinished last block is left out). */
export const parseEventStream = (text: string): SseEvent[] =>
  text
    .split(/\r?\n\r?\n/)
    .slice(0, -1)
    .map((block) => {
      const event: SseEvent = { event: 'message', data: '' };
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        const separator = line.indexOf(':');
        if (separator <= 0) continue;
        const field = line.slice(0, separator);
        const value = line.slice(separator + 1).replace(/^ /, '');
        if (field === 'event') event.event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') event.id = value;
      }
      event.data = data.join('\n');
      return event;
    })
    .filter((event) => event.data !== '' || event.event !== 'message');

export interface StreamRead {
  /** Everything read (the stream up to where reading stopped). */
  text: string;
  events: SseEvent[];
  /** `timeoutMs` passed before the stream ended or `enough` held. */
  timedOut: boolean;
}

/**
 * Reads a `text/event-stream` body until `enough` holds for the events so far, the stream
 * ends, or `timeoutMs` passes; then aborts `controller` (the request's), closing the stream.
 */
export const readEventStream = async (
  response: Response,
  controller: AbortController,
  timeoutMs: number,
  enough: (events: SseEvent[]) => boolean,
): Promise<StreamRead> => {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      if (enough(parseEventStream(text))) break;
    }
  } catch (error) {
    if (!timedOut) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { text, events: parseEventStream(text), timedOut };
};
