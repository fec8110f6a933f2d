import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { getReview, reviewKeys, reviewUrls } from '../api/review-api.js';
import { ReviewSubpageHead } from '../review/review-subpage-head.js';
import { Notice, type NoticeMessage } from '../detail/notice.js';
import { ConclusionEditor } from './conclusion-editor.js';
import { FollowUpDialog } from './follow-up-dialog.js';
import { NarrativeEditor } from './narrative-editor.js';
import { PublishSection } from './publish-section.js';
import { UnsavedEditsProvider } from './unsaved-edits.js';
import { VersionsTable } from './versions-table.js';
import { Alert } from '../../shared/components/alert.js';

/**
 * Conclusions per theme (and a follow-up's narrative) first, then the draft, then publishing, which
 * depends on them, and the published versions.
 */
export function FactsheetPage() {
  const { id = '' } = useParams();
  const [notice, setNotice] = useState<NoticeMessage | undefined>();
  const [showPreview, setShowPreview] = useState(false);
  const [followUp, setFollowUp] = useState(false);
  const review = useQuery({
    queryKey: reviewKeys.review(id),
    queryFn: ({ signal }) => getReview(id, signal),
  });
  const data = review.data;
  const judged = data ? new Set(data.judgments.map((j) => j.indicatorId)).size : 0;
  const total = data?.analysis.indicators.length ?? 0;
  // The preview shows what is saved: reload it whenever a saved text behind it changes.
  const previewKey = data
    ? [
        data.followUpNarrative?.revision ?? 0,
        ...data.conclusions.map((c) => `${c.themeId}:${c.revision}`),
      ].join('|')
    : '';

  return (
    <>
      <ReviewSubpageHead
        investigationId={id}
        review={data}
        kind="Factsheet"
        other={{ path: 'beoordeling', label: 'Naar de beoordeling' }}
      />
      {review.isPending && <SkeletonRows rows={6} label="De factsheet wordt geladen…" />}
      {review.isError && (
        <ErrorMessage
          title="De factsheet kon niet worden geladen"
          error={review.error}
          onRetry={() => void review.refetch()}
        />
      )}
      {data && (
        <UnsavedEditsProvider>
          {data.changedSincePublished && (
            <Alert tone="warning">
              <p className="alert__text">
                Oordelen, conclusies of de ontwikkelingstekst zijn gewijzigd sinds de laatst gepubliceerde
                versie. Publiceer een nieuwe versie om de wijzigingen vast te leggen.
              </p>
            </Alert>
          )}
          <p className="lead">
            {judged} van {total} indicatoren beoordeeld.
          </p>
          {data.approachNamedByMunicipality && (
            <p className="factsheet-approach">
              De factsheet noemt de aanpak ‘{data.investigation.approach}’, zoals het onderzoek heet. Door de
              gemeente genoemd: ‘{data.approachNamedByMunicipality}’.
            </p>
          )}
          {data.investigation.followUp && data.followUpNarrative && (
            <section className="section" aria-labelledby="ontwikkeling">
              <h2 id="ontwikkeling">Ontwikkeling sinds het vorige onderzoek</h2>
              <p className="section__note">
                Beschrijf hoe de gemeente de verbeterpunten heeft opgepakt: hoe zij aan STJ rapporteerde,
                welke beleidsdocumenten er zijn en wat er is veranderd.
              </p>
              <NarrativeEditor
                investigationId={id}
                year={data.investigation.year}
                narrative={data.followUpNarrative}
                order={0}
              />
            </section>
          )}
          <section className="section" aria-labelledby="conclusies">
            <h2 id="conclusies">Conclusies per thema</h2>
            <p className="section__note">
              Elk thema sluit in de factsheet af met deze twee vragen. Sla elk thema op voordat u publiceert.
            </p>
            {data.framework.themes.map((theme, index) => (
              <ConclusionEditor
                key={theme.id}
                investigationId={id}
                theme={theme}
                conclusion={data.conclusions.find((c) => c.themeId === theme.id)}
                order={index + 1}
              />
            ))}
          </section>
          <section className="section" aria-labelledby="concept">
            <h2 id="concept">Concept</h2>
            <p className="section__note">
              Het concept toont de opgeslagen oordelen en teksten; indicatoren zonder oordeel staan er als
              ‘nog niet beoordeeld’ in.
            </p>
            <div className="form__actions">
              <Button onClick={() => setShowPreview((v) => !v)} aria-expanded={showPreview}>
                {showPreview ? 'Voorbeeld verbergen' : 'Voorbeeld tonen'}
              </Button>
              <a
                className="btn btn--secondary"
                href={reviewUrls.previewHtml(id)}
                target="_blank"
                rel="noreferrer"
              >
                Concept in nieuw tabblad
              </a>
              <a className="btn btn--secondary" href={reviewUrls.previewPdf(id)} download>
                Concept als PDF
              </a>
            </div>
            {showPreview && (
              <iframe
                key={previewKey}
                className="factsheet-preview"
                title="Voorbeeld van de factsheet"
                src={reviewUrls.previewHtml(id)}
              />
            )}
          </section>
          <PublishSection review={data} onNotice={setNotice} />
          {/* Right under the button that caused it: the page is long and the top is out of view. */}
          <Notice message={notice} onDismiss={() => setNotice(undefined)} />
          <section className="section" aria-labelledby="versies">
            <h2 id="versies">Gepubliceerde versies</h2>
            <VersionsTable investigationId={id} versions={data.factsheets} />
          </section>
          <section className="section" aria-labelledby="vervolg">
            <h2 id="vervolg">Vervolgonderzoek</h2>
            <p className="section__note">
              Een jaar later vraagt een vervolgonderzoek alleen de verbeterpunten opnieuw.
            </p>
            <Button onClick={() => setFollowUp(true)} disabled={data.factsheets.length === 0}>
              Vervolgonderzoek starten
            </Button>
            {data.factsheets.length === 0 && (
              <p className="table__secondary">Kan pas na het publiceren van een factsheet.</p>
            )}
            {followUp && <FollowUpDialog review={data} open={followUp} onClose={() => setFollowUp(false)} />}
          </section>
        </UnsavedEditsProvider>
      )}
    </>
  );
}
