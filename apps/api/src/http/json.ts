import type { IncomingMessage, ServerResponse } from 'node:http';

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
};

export const sendText = (
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
) => {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

export class BadRequestBodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export const isJsonContentType = (value: string | undefined) =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(value?.trim() ?? '');

/** The whole body, refused (413) beyond `maxBytes` before more is read. */
export const readBody = async (req: IncomingMessage, maxBytes: number): Promise<Buffer> => {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes)
    throw new BadRequestBodyError(413, `Request body exceeds ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new BadRequestBodyError(413, `Request body exceeds ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/**
 * Reads and parses a JSON object body, refusing excess size or bad syntax (the content type
 * was already checked by the cross-site guard).
 */
export const readJsonObject = async (req: IncomingMessage, maxBytes: number): Promise<unknown> => {
  const raw = await readBody(req, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new BadRequestBodyError(400, 'Request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestBodyError(400, 'Request body must be a JSON object');
  }
  return body;
};
