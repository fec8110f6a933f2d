import { documentUrl } from '../api/investigations-api.js';
import type { InvestigationDocument } from '../../../../shared/api/documents.js';

type Props = { investigationId: string; documents: InvestigationDocument[] | undefined };

/** The uploaded documents at hand while judging, the same downloads as on the investigation page. */
export function ReviewDocuments({ investigationId, documents }: Props) {
  return (
    <details className="review-documents">
      <summary>Documenten ({documents?.length ?? 0})</summary>
      {documents && documents.length > 0 ? (
        <ul className="documents">
          {documents.map((doc) => (
            <li key={doc.id} className="documents__item">
              <a href={documentUrl(investigationId, doc.id)} download={doc.name}>
                {doc.name}
                <span className="visually-hidden"> downloaden</span>
              </a>
              {doc.organisation && <span className="table__secondary">{doc.organisation}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Er zijn geen documenten geüpload.</p>
      )}
    </details>
  );
}
