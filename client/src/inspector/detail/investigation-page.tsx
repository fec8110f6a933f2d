import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { formatDeadline } from '../deadline.js';
import { getInvestigation, investigationKeys } from '../api/investigations-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { AddRespondentForm } from './add-respondent-form.js';
import { AuditSection } from './audit-section.js';
import { DocumentsSection } from './documents-section.js';
import { EditInvestigationDialog } from './edit-investigation-dialog.js';
import { ExportLinks } from '../review/export-links.js';
import { NominationsSection } from './nominations-section.js';
import { Notice, type NoticeMessage } from './notice.js';
import { RespondentsTable } from './respondents-table.js';
import { FollowUpSection } from './follow-up-section.js';

export function InvestigationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [notice, setNotice] = useState<NoticeMessage | undefined>(
    justCreated
      ? { tone: 'success', text: 'Het onderzoek is aangemaakt. Voeg nu de gemeente toe als respondent.' }
      : undefined,
  );
  const [editing, setEditing] = useState(false);
  const detail = useQuery({
    queryKey: investigationKeys.detail(id),
    queryFn: ({ signal }) => getInvestigation(id, signal),
    // Respondents fill in while the inspector watches: keep the progress fresh without a manual reload.
    refetchInterval: 30_000,
  });
  const investigation = detail.data;
  const title = investigation ? `${investigation.municipality} — ${investigation.approach}` : 'Onderzoek';
  const gemeente = investigation?.respondents.find((r) => r.role === 'gemeente');

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inspectie">Onderzoeken</Link>
      </p>
      <PageHeading title={title}>
        {investigation ? (
          <>
            {investigation.municipality}
            <span className="page-title__sub">{investigation.approach}</span>
          </>
        ) : (
          'Onderzoek'
        )}
      </PageHeading>
      {investigation && (
        <div className="facts-row">
          <dl className="facts">
            <div>
              <dt>Jaar</dt>
              <dd>{investigation.year}</dd>
            </div>
            <div>
              <dt>Deadline</dt>
              <dd>
                {investigation.deadline ? `uiterlijk ${formatDeadline(investigation.deadline)}` : 'Geen'}
              </dd>
            </div>
            <div>
              <dt>Contactpersoon</dt>
              <dd className="break">
                {investigation.contact
                  ? `${investigation.contact.name} (${investigation.contact.email})`
                  : 'Algemeen contact van STJ'}
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{investigation.status === 'closed' ? 'Afgesloten' : 'Lopend'}</dd>
            </div>
            <div>
              <dt>Herinneringen verstuurd</dt>
              <dd>{investigation.remindersSent ?? 0}</dd>
            </div>
          </dl>
          <div className="facts-row__actions">
            <Button small onClick={() => setEditing(true)}>
              Wijzigen<span className="visually-hidden"> (deadline, contactpersoon en status)</span>
            </Button>
            <Link
              // The next step only once answers are in; before that the respondents below are.
              className={`btn btn--small ${investigation.respondentCounts.ingediend > 0 ? 'btn--primary' : 'btn--secondary'}`}
              to={`/inspectie/onderzoeken/${investigation.id}/beoordeling`}
            >
              Beoordeling
            </Link>
            <Link
              className="btn btn--secondary btn--small"
              to={`/inspectie/onderzoeken/${investigation.id}/factsheet`}
            >
              Factsheet
            </Link>
            <Link
              className="btn btn--secondary btn--small"
              to={`/inspectie/e-mail?onderzoek=${investigation.id}`}
            >
              E-mail van dit onderzoek
            </Link>
          </div>
        </div>
      )}
      {investigation && editing && (
        <EditInvestigationDialog
          investigation={investigation}
          open={editing}
          onClose={() => setEditing(false)}
          onNotice={setNotice}
        />
      )}
      {investigation && <FollowUpSection investigation={investigation} />}
      <Notice message={notice} onDismiss={() => setNotice(undefined)} />
      {detail.isPending && <SkeletonRows rows={6} label="Het onderzoek wordt geladen…" />}
      {detail.isError && (
        <ErrorMessage
          title="Het onderzoek kon niet worden geladen"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      )}
      {investigation && (
        <>
          <section className="section" aria-labelledby="respondenten">
            <h2 id="respondenten">Respondenten</h2>
            <RespondentsTable investigation={investigation} onNotice={setNotice} />
            <AddRespondentForm investigation={investigation} onNotice={setNotice} />
          </section>
          <NominationsSection
            investigationId={investigation.id}
            hasGemeente={Boolean(gemeente)}
            onNotice={setNotice}
          />
          <DocumentsSection investigationId={investigation.id} documents={investigation.documents} />
          <ExportLinks investigationId={investigation.id} />
          <AuditSection investigationId={investigation.id} />
        </>
      )}
    </>
  );
}
