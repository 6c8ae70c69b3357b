import {
  type Answer,
  badRequest,
  type FakeRequest,
  isoNow,
  newSid,
  notFound,
  page,
  parseJsonObject,
  type Route,
  requireParams,
} from './protocol.ts';
import { evaluateBundle, regulationJson } from './regulation.ts';
import {
  assignmentJson,
  bundleJson,
  documentJson,
  endUserJson,
  evaluationJson,
  found,
  type Store,
} from './store.ts';

export interface RegulatoryContext {
  regulationSid: string;
  /** The end-user attributes the regulation asks. */
  endUserFields: string[];
  /** Called when a bundle is submitted (its status is pending-review). */
  startReview(bundleSid: string): void;
}

const COMPLIANCE = '/v2/RegulatoryCompliance';
const SID = '([A-Z]{2}[0-9a-fA-F]{32})';
const under = (path: string) => new RegExp(`^${COMPLIANCE}${path}$`);

/** numbers.twilio.com's regulatory compliance, and numbers-upload's document upload. */
export const regulatoryRoutes = (store: Store, context: RegulatoryContext) => {
  const { regulationSid, endUserFields } = context;
  const listUrl = (path: string) => `https://numbers.twilio.com${path}`;

  const createDocument = ({ params, file }: FakeRequest): Answer => {
    requireParams(params, 'FriendlyName', 'Type');
    const document = {
      sid: newSid('RD'),
      type: params.Type as string,
      friendlyName: params.FriendlyName as string,
      attributes: parseJsonObject(params.Attributes, 'Attributes'),
      mimeType: file?.type || null,
      fileName: file?.name ?? null,
      content: file?.content ?? null,
      status: 'draft',
      failureReason: null,
      created: isoNow(),
    };
    store.documents.set(document.sid, document);
    return { status: 201, body: documentJson(store, document) };
  };

  const numbers: Route[] = [
    [
      'GET',
      under('/Regulations'),
      ({ params, path }) => {
        const fits =
          (params.IsoCountry ?? 'DE').toUpperCase() === 'DE' &&
          (params.NumberType ?? 'local') === 'local' &&
          (params.EndUserType ?? 'business') === 'business';
        const results = fits ? [regulationJson(regulationSid, endUserFields)] : [];
        return page('results', listUrl(path), results);
      },
    ],
    [
      'GET',
      under(`/Regulations/${SID}`),
      ({ path }, [sid]) => {
        if (sid !== regulationSid) throw notFound(path);
        return { status: 200, body: regulationJson(regulationSid, endUserFields) };
      },
    ],
    [
      'POST',
      under('/EndUsers'),
      ({ params }) => {
        requireParams(params, 'FriendlyName', 'Type');
        if (params.Type !== 'business' && params.Type !== 'individual') {
          throw badRequest(`Invalid Type ${params.Type}`);
        }
        const user = {
          sid: newSid('IT'),
          friendlyName: params.FriendlyName as string,
          type: params.Type,
          attributes: parseJsonObject(params.Attributes, 'Attributes'),
          created: isoNow(),
        };
        store.endUsers.set(user.sid, user);
        return { status: 201, body: endUserJson(store, user) };
      },
    ],
    [
      'GET',
      under(`/EndUsers/${SID}`),
      ({ path }, [sid]) => ({
        status: 200,
        body: endUserJson(store, found(store.endUsers, sid, path)),
      }),
    ],
    [
      'DELETE',
      under(`/EndUsers/${SID}`),
      ({ path }, [sid]) => {
        store.endUsers.delete(found(store.endUsers, sid, path).sid);
        return { status: 204 };
      },
    ],
    // Without a file: Twilio creates documents on numbers.twilio.com too.
    ['POST', under('/SupportingDocuments'), createDocument],
    [
      'DELETE',
      under(`/SupportingDocuments/${SID}`),
      ({ path }, [sid]) => {
        store.documents.delete(found(store.documents, sid, path).sid);
        return { status: 204 };
      },
    ],
    [
      'DELETE',
      under(`/Bundles/${SID}`),
      ({ path }, [sid]) => {
        const bundle = found(store.bundles, sid, path);
        // Twilio keeps a bundle that a number still uses.
        if ([...store.numbers.values()].some((number) => number.bundleSid === bundle.sid)) {
          throw badRequest('The bundle is assigned to a phone number');
        }
        store.bundles.delete(bundle.sid);
        return { status: 204 };
      },
    ],
    [
      'GET',
      under(`/SupportingDocuments/${SID}`),
      ({ path }, [sid]) => ({
        status: 200,
        body: documentJson(store, found(store.documents, sid, path)),
      }),
    ],
    [
      'POST',
      under('/Bundles'),
      ({ params }) => {
        requireParams(params, 'FriendlyName', 'Email');
        const fits =
          params.RegulationSid !== undefined
            ? params.RegulationSid === regulationSid
            : (params.IsoCountry ?? '').toUpperCase() === 'DE';
        if (!fits) throw badRequest('No regulation fits the bundle');
        const created = isoNow();
        const bundle = {
          sid: newSid('BU'),
          friendlyName: params.FriendlyName as string,
          email: params.Email as string,
          statusCallback: params.StatusCallback ?? null,
          status: 'draft',
          validUntil: null,
          created,
          updated: created,
        };
        store.bundles.set(bundle.sid, bundle);
        return { status: 201, body: bundleJson(store, regulationSid, bundle) };
      },
    ],
    [
      'GET',
      under(`/Bundles/${SID}`),
      ({ path }, [sid]) => ({
        status: 200,
        body: bundleJson(store, regulationSid, found(store.bundles, sid, path)),
      }),
    ],
    [
      'POST',
      under(`/Bundles/${SID}`),
      ({ params, path }, [sid]) => {
        const bundle = found(store.bundles, sid, path);
        if (params.FriendlyName) bundle.friendlyName = params.FriendlyName;
        if (params.Email) bundle.email = params.Email;
        if (params.StatusCallback) bundle.statusCallback = params.StatusCallback;
        if (params.Status && params.Status !== bundle.status) {
          if (params.Status !== 'pending-review' || bundle.status !== 'draft') {
            throw badRequest(`The bundle cannot change from ${bundle.status} to ${params.Status}`);
          }
          const latest = [...store.evaluations.values()]
            .filter((evaluation) => evaluation.bundleSid === bundle.sid)
            .at(-1);
          if (latest?.status !== 'compliant') {
            throw badRequest('The bundle must be evaluated compliant before it is submitted');
          }
          bundle.status = 'pending-review';
          bundle.updated = isoNow();
          context.startReview(bundle.sid);
        }
        return { status: 200, body: bundleJson(store, regulationSid, bundle) };
      },
    ],
    [
      'POST',
      under(`/Bundles/${SID}/ItemAssignments`),
      ({ params, path }, [sid]) => {
        const bundle = found(store.bundles, sid, path);
        requireParams(params, 'ObjectSid');
        const objectSid = params.ObjectSid as string;
        if (!store.endUsers.has(objectSid) && !store.documents.has(objectSid)) {
          throw badRequest(`Unknown object ${objectSid}`);
        }
        if (bundle.status !== 'draft') throw badRequest('The bundle is no longer a draft');
        const assigned = [...store.assignments.values()].some(
          (item) => item.bundleSid === bundle.sid && item.objectSid === objectSid,
        );
        if (assigned) throw badRequest(`${objectSid} is assigned to the bundle already`);
        const item = { sid: newSid('BV'), bundleSid: bundle.sid, objectSid, created: isoNow() };
        store.assignments.set(item.sid, item);
        return { status: 201, body: assignmentJson(store, item) };
      },
    ],
    [
      'GET',
      under(`/Bundles/${SID}/ItemAssignments`),
      ({ path }, [sid]) => {
        const bundle = found(store.bundles, sid, path);
        const items = [...store.assignments.values()].filter(
          (item) => item.bundleSid === bundle.sid,
        );
        return page(
          'results',
          listUrl(path),
          items.map((item) => assignmentJson(store, item)),
        );
      },
    ],
    [
      'POST',
      under(`/Bundles/${SID}/Evaluations`),
      ({ path }, [sid]) => {
        const bundle = found(store.bundles, sid, path);
        const evaluation = {
          sid: newSid('EL'),
          bundleSid: bundle.sid,
          ...evaluateBundle(store, bundle.sid, endUserFields),
          created: isoNow(),
        };
        store.evaluations.set(evaluation.sid, evaluation);
        return { status: 201, body: evaluationJson(store, regulationSid, evaluation) };
      },
    ],
    [
      'GET',
      under(`/Bundles/${SID}/Evaluations`),
      ({ path }, [sid]) => {
        const bundle = found(store.bundles, sid, path);
        const items = [...store.evaluations.values()].filter(
          (evaluation) => evaluation.bundleSid === bundle.sid,
        );
        return page(
          'results',
          listUrl(path),
          items.map((evaluation) => evaluationJson(store, regulationSid, evaluation)),
        );
      },
    ],
  ];

  const upload: Route[] = [
    [
      'POST',
      under('/SupportingDocuments'),
      (request) => {
        if (!request.file) throw badRequest('Missing required parameter File in the post body');
        return createDocument(request);
      },
    ],
  ];

  return { numbers, 'numbers-upload': upload };
};
