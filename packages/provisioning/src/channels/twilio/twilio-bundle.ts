import {
  CarrierError,
  NONCOMPLIANT_DETAILS,
  type PhoneCarrier,
  type ReviewOutcome,
  type SubSteps,
} from '../phone-carrier.ts';
import { isClientRefusal, toCarrierError } from './twilio-errors.ts';
import {
  documentAttributes,
  type RegulationSummary,
  summarizeRegulation,
  TWILIO_DOCUMENT_TYPES,
} from './twilio-regulation.ts';
import {
  documentRejectionReason,
  evaluationReasons,
  reviewStateOf,
  UNEXPLAINED_REJECTION,
} from './twilio-review.ts';
import { attach, recordedAnswer, type Sid, studioTag, type TwilioContext } from './twilio-steps.ts';
import { uploadSupportingDocument } from './twilio-upload.ts';

/**
 * The regulatory bundle: the regulation, the end user, the address, the document (with the
 * address in its `address_sids`: Twilio's bundle items are end users and documents), the bundle,
 * its items, the evaluation, the submission.
 */
export const submitBundle =
  ({ api, options, once }: TwilioContext): PhoneCarrier['submitForReview'] =>
  async ({ tenantId, details, document, statusCallbackUrl }, steps) => {
    const tag = studioTag(tenantId);
    const documentType = TWILIO_DOCUMENT_TYPES[details.documentType];
    const regulation = await once(steps, 'regulation', async (): Promise<RegulationSummary> => {
      const found = await api.findRegulation();
      if (!found) {
        throw new CarrierError(
          'twilio:no_regulation',
          'Twilio names no regulation for German local numbers of a business',
          { retryable: false },
        );
      }
      return summarizeRegulation(found, documentType);
    });
    const accepted = regulation.acceptedDocumentTypes;
    if (accepted.length > 0 && !accepted.includes(documentType)) {
      throw new CarrierError(
        'twilio:document_type_not_accepted',
        `Twilio's regulation ${regulation.sid} does not accept ${documentType} (it accepts ${accepted.join(', ')})`,
        { retryable: false },
      );
    }
    const endUser = await once(
      steps,
      'end_user',
      async (): Promise<Sid> => ({
        sid: await api.createEndUser(tag, { business_name: details.businessName }),
      }),
    );
    const address = await once(
      steps,
      'address',
      async (): Promise<Sid> => ({
        sid: await api.createAddress(tag, details),
      }),
    );
    const supportingDocument = await once(steps, 'document', () =>
      uploadSupportingDocument(options, {
        friendlyName: tag,
        type: documentType,
        attributes: documentAttributes(regulation, details, address.sid),
        document,
      }),
    );
    const bundle = await once(
      steps,
      'bundle',
      async (): Promise<Sid> => ({
        sid: await api.createBundle({
          friendlyName: tag,
          email: options.notificationEmail,
          regulationSid: regulation.sid,
          statusCallback: statusCallbackUrl,
        }),
      }),
    );
    for (const [step, objectSid] of [
      ['assign_end_user', endUser.sid],
      ['assign_document', supportingDocument.sid],
    ] as const) {
      await once(
        steps,
        step,
        async (): Promise<Sid> => ({
          sid: await attach(
            () => api.assignItem(bundle.sid, objectSid),
            async () =>
              (await api.listAssignedItems(bundle.sid)).find((item) => item.objectSid === objectSid)
                ?.sid,
          ),
        }),
      );
    }
    // A failed evaluation is not recorded: after the owner's correction it runs again.
    await once(steps, 'evaluation', async (): Promise<Sid> => {
      const evaluation = await api.evaluateBundle(bundle.sid);
      if (evaluation.status !== 'compliant') {
        const reasons = evaluationReasons(evaluation.results);
        throw new CarrierError(
          NONCOMPLIANT_DETAILS,
          reasons.length > 0
            ? reasons.join(' ')
            : 'Twilio found the business details incomplete for a German number',
          { retryable: false },
        );
      }
      return { sid: evaluation.sid, status: evaluation.status };
    });
    await once(steps, 'submission', async () => {
      try {
        return { status: await api.submitBundle(bundle.sid) };
      } catch (error) {
        // Submitted already (the answer was lost): Twilio refuses the same transition again.
        if (!isClientRefusal(error)) throw error;
        const { status } = await api.fetchBundle(bundle.sid);
        if (status === 'draft') throw error;
        return { status };
      }
    });
  };

/**
 * The review's state, read from the bundle on every call (a poll, or after a callback), so not a
 * recorded sub-step. A rejection's reason is on the rejected document, else in the last failed
 * evaluation.
 */
export const readReview =
  ({ api, options, call }: TwilioContext) =>
  async (steps: SubSteps): Promise<ReviewOutcome> => {
    const bundle = recordedAnswer<Sid>(steps, 'bundle', 'The bundle under review');
    const { status } = await call('review', () => api.fetchBundle(bundle.sid));
    const state = reviewStateOf(status);
    if (state !== 'rejected') return { state };

    const document = steps.recorded<Sid>('document');
    if (document) {
      try {
        const reason = documentRejectionReason(await api.fetchSupportingDocument(document.sid));
        if (reason) return { state, reason };
      } catch (error) {
        const failure = toCarrierError(error, { step: 'review', secrets: [options.authToken] });
        if (failure.retryable) throw failure;
      }
    }
    const evaluations = await call('review', () => api.listEvaluations(bundle.sid));
    const [latest] = evaluations
      .filter((evaluation) => evaluation.status === 'noncompliant')
      .sort((a, b) => (b.dateCreated?.getTime() ?? 0) - (a.dateCreated?.getTime() ?? 0));
    const reasons = latest ? evaluationReasons(latest.results) : [];
    return { state, reason: reasons.length > 0 ? reasons.join(' ') : UNEXPLAINED_REJECTION };
  };
