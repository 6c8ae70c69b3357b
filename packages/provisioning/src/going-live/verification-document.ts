import { eq } from 'drizzle-orm';
import type { VerificationDocument } from '../channels/phone-carrier.ts';
import { DOCUMENT_MAX_BYTES } from '../contracts/go-live.ts';
import type { FieldIssue } from '../contracts/problems.ts';
import type { Queryable } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { verificationDocuments } from '../schema/index.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { openSecret, type SealedSecret, sealSecret } from '../secrets/sealed-secret.ts';

export const VERIFICATION_DOCUMENT_PURPOSE = 'verification_documents.sealed_content';

/** The file's own first bytes decide its type: a browser's declared type is only a guess. */
const SIGNATURES: { type: VerificationDocument['contentType']; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

const documentIssue = (problem: FieldIssue['problem'], message: string, params = {}) =>
  new DomainError('INVALID_INPUT', { issues: [{ path: 'document', problem, params, message }] });

/** A file as uploaded, checked: present, at most 10 MB, a PDF, JPEG or PNG by its content. */
export const readVerificationDocument = async (
  file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> } | null,
): Promise<VerificationDocument> => {
  if (!file || file.size === 0) throw documentIssue('empty', 'Document is required');
  if (file.size > DOCUMENT_MAX_BYTES) {
    throw documentIssue('fileTooLarge', 'Document must be at most 10 MB', {
      max: DOCUMENT_MAX_BYTES,
    });
  }
  const content = Buffer.from(await file.arrayBuffer());
  const kind = SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => content[i] === byte));
  if (!kind) {
    throw documentIssue('unsupportedFileType', 'Document must be a PDF, JPEG or PNG file');
  }
  const fileName = file.name.replace(/\p{Cc}/gu, '').slice(-200) || 'document';
  return { fileName, contentType: kind.type, content };
};

export const storeVerificationDocument = async (
  db: Queryable,
  keyring: Keyring,
  { tenantId, lifecycleId }: { tenantId: string; lifecycleId: string },
  document: VerificationDocument,
) => {
  await db.delete(verificationDocuments).where(eq(verificationDocuments.lifecycleId, lifecycleId));
  await db.insert(verificationDocuments).values({
    tenantId,
    lifecycleId,
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.content.length,
    sealedContent: JSON.stringify(
      sealSecret(keyring, document.content.toString('base64'), {
        tenantId,
        purpose: VERIFICATION_DOCUMENT_PURPOSE,
      }),
    ),
  });
};

export const openVerificationDocument = async (
  db: Queryable,
  keyring: Keyring,
  lifecycleId: string,
): Promise<VerificationDocument | null> => {
  const [row] = await db
    .select()
    .from(verificationDocuments)
    .where(eq(verificationDocuments.lifecycleId, lifecycleId));
  if (!row) return null;
  const sealed = JSON.parse(row.sealedContent) as SealedSecret;
  return {
    fileName: row.fileName,
    contentType: row.contentType as VerificationDocument['contentType'],
    content: Buffer.from(
      openSecret(keyring, sealed, {
        tenantId: row.tenantId,
        purpose: VERIFICATION_DOCUMENT_PURPOSE,
      }),
      'base64',
    ),
  };
};

/** The review has ended: the document is of no further use and is not kept. */
export const deleteVerificationDocument = (db: Queryable, lifecycleId: string) =>
  db.delete(verificationDocuments).where(eq(verificationDocuments.lifecycleId, lifecycleId));
