import { type BusinessDetails, businessDetailsSchema } from '../contracts/go-live.ts';
import { fieldIssuesOf } from '../contracts/problems.ts';
import { DomainError, isDomainError } from '../errors.ts';
import { readVerificationDocument } from './verification-document.ts';

type UploadedFile = Parameters<typeof readVerificationDocument>[0];

/** The business-details form as submitted: every field's problem at once, the file's too. */
export const readPhoneVerification = async (
  fields: Record<string, unknown>,
  file: UploadedFile,
) => {
  const parsed = businessDetailsSchema.safeParse(fields);
  const issues = parsed.success ? [] : fieldIssuesOf(parsed.error);
  const document = await readVerificationDocument(file).catch((error: unknown) => {
    if (!isDomainError(error, 'INVALID_INPUT')) throw error;
    issues.push(...error.data.issues);
    return null;
  });
  if (issues.length > 0 || !document) throw new DomainError('INVALID_INPUT', { issues });
  return { details: parsed.data as BusinessDetails, document };
};
