import express, { type Router } from 'express';
import mongoose from 'mongoose';
import { userActor } from '../audit/audit.js';
import { NotFoundError } from '../errors.js';
import { mountRoutes, route, type RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';
import { openInvestigationDocument } from './documents.service.js';
import type { InspectorContext } from './inspector.context.js';
import {
  contactPersonListSchema,
  createInvestigationBodySchema,
  investigationDetailSchema,
  investigationListSchema,
  investigationSummarySchema,
  updateInvestigationBodySchema,
  type InvestigationList,
} from '../../shared/api/investigations.js';
import {
  confirmNominationsBodySchema,
  confirmNominationsReplySchema,
  nominationListSchema,
} from '../../shared/api/nominations.js';
import {
  addRespondentBodySchema,
  addRespondentReplySchema,
  respondentActionReplySchema,
  respondentActions,
} from '../../shared/api/respondents.js';
import { generalContact, listContactCandidates } from './contact-person.js';
import { respondContactSchema, type RespondContact } from '../../shared/api/respond.js';
import { listInvestigationsQuerySchema } from './investigations.schemas.js';
import {
  createInvestigation,
  findInvestigation,
  getInvestigation,
  listInvestigations,
  updateInvestigation,
} from './investigations.service.js';
import { confirmNominations, listNominations } from './nominations.service.js';
import { addRespondent, runRespondentAction } from './respondent-actions.service.js';

const INSPECTORS = ['inspecteur', 'beheerder'] as const;

export function investigationRouteDefs(ctx: InspectorContext, respond: RespondContext): RouteDef[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  return [
    route({
      method: 'post',
      path: '/api/investigations',
      summary: 'Create an investigation (municipality × approach × year)',
      tag: 'investigations',
      access: INSPECTORS,
      status: 201,
      body: createInvestigationBodySchema,
      response: investigationSummarySchema,
      handler: ({ body, user }) => createInvestigation(ctx, body, user),
    }),
    route({
      method: 'get',
      path: '/api/investigations',
      summary: 'List investigations with a respondent status summary',
      tag: 'investigations',
      access: INSPECTORS,
      query: listInvestigationsQuerySchema,
      response: investigationListSchema,
      handler: async ({ query }): Promise<InvestigationList> => ({
        items: await listInvestigations(ctx, query),
      }),
    }),
    route({
      method: 'get',
      // Public and outside /api/respond/:token: the "link does not work" page knows no investigation,
      // and a request without a token must never count as a failed link lookup.
      path: '/api/respond-contact',
      summary: 'The general contact for respondents (MAIL_CONTACT, MAIL_CONTACT_EMAIL)',
      tag: 'respondent',
      access: 'public',
      response: respondContactSchema,
      handler: async (): Promise<RespondContact> => {
        const contact = generalContact(ctx.config);
        return { name: contact.name, ...(contact.email ? { email: contact.email } : {}), person: false };
      },
    }),
    route({
      method: 'get',
      path: '/api/investigation-contacts',
      summary: 'Accounts that can be named as an investigation’s contact person (name and e-mail)',
      tag: 'investigations',
      access: INSPECTORS,
      response: contactPersonListSchema,
      handler: async () => ({ items: await listContactCandidates(ctx.models) }),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id',
      summary: 'An investigation with its respondents and documents',
      tag: 'investigations',
      access: INSPECTORS,
      response: investigationDetailSchema,
      handler: ({ params }) => getInvestigation(ctx, id(params)),
    }),
    route({
      method: 'patch',
      path: '/api/investigations/:id',
      summary: 'Change deadline, status or contact person',
      tag: 'investigations',
      access: INSPECTORS,
      body: updateInvestigationBodySchema,
      response: investigationSummarySchema,
      handler: ({ params, body, user }) => updateInvestigation(ctx, id(params), body, user),
    }),
    route({
      method: 'post',
      path: '/api/investigations/:id/respondents',
      summary: 'Add a respondent; returns the personal link once (invite: true also mails it)',
      tag: 'respondents',
      access: INSPECTORS,
      status: 201,
      body: addRespondentBodySchema,
      response: addRespondentReplySchema,
      handler: ({ params, body, user }) => addRespondent(ctx, respond, id(params), body, user),
    }),
    ...respondentActions.map((action) =>
      route({
        method: 'post',
        path: `/api/investigations/:id/respondents/:rid/${action}`,
        summary: `Respondent action: ${action}`,
        tag: 'respondents',
        access: INSPECTORS,
        response: respondentActionReplySchema,
        handler: ({ params, user }) =>
          runRespondentAction(ctx, respond, id(params), params.rid ?? '', action, user),
      }),
    ),
    route({
      method: 'get',
      path: '/api/investigations/:id/nominations',
      summary: "The partners named in the municipality's answers",
      tag: 'respondents',
      access: INSPECTORS,
      response: nominationListSchema,
      handler: ({ params }) => listNominations(ctx, respond, id(params)),
    }),
    route({
      method: 'post',
      path: '/api/investigations/:id/nominations/confirm',
      summary: 'Create partner respondents for chosen nominations and mail their invitations',
      tag: 'respondents',
      access: INSPECTORS,
      status: 201,
      body: confirmNominationsBodySchema,
      response: confirmNominationsReplySchema,
      handler: ({ params, body, user }) =>
        confirmNominations(ctx, respond, id(params), body.nominations, user),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/documents/:fileId',
      summary: 'Download a document uploaded by a respondent',
      tag: 'investigations',
      access: INSPECTORS,
      binary: true,
      async handler({ params, res, user }) {
        if (!mongoose.isValidObjectId(id(params)))
          throw new NotFoundError('investigation_not_found', 'Investigation not found');
        const investigation = await findInvestigation(ctx, id(params));
        const file = await openInvestigationDocument(ctx, investigation._id, params.fileId ?? '');
        await ctx.audit.record({
          actor: userActor(user),
          action: 'document_downloaded',
          target: { type: 'file', id: params.fileId ?? '' },
          investigation: investigation._id,
        });
        res.attachment(file.name);
        res.set({
          'Content-Type': file.type,
          'Content-Length': String(file.size),
          'X-Content-Type-Options': 'nosniff',
        });
        await new Promise<void>((resolve, reject) => {
          file.stream.once('error', reject);
          res.once('finish', resolve);
          res.once('close', resolve);
          file.stream.pipe(res);
        });
        return undefined;
      },
    }),
  ];
}

export function investigationsRoutes(ctx: InspectorContext, respond: RespondContext): Router {
  const router = express.Router();
  mountRoutes(router, ctx, investigationRouteDefs(ctx, respond));
  return router;
}
