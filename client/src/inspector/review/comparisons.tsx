import type {
  CheckboxComparison,
  CommentComparison,
  RespondentSummary,
} from '../../../../shared/analysis/analysis-result.js';
import { RespondentHeading } from './respondent-heading.js';
import { formatScore, respondentName } from './review-model.js';

type Props = {
  checkbox: CheckboxComparison[];
  comments: CommentComparison[];
  respondents: RespondentSummary[];
  questionTitle: (name: string) => string;
};

/** Open answers side by side with their similarity, and checkbox items against who named them. */
export function Comparisons({ checkbox, comments, respondents, questionTitle }: Props) {
  if (checkbox.length === 0 && comments.length === 0) return null;
  const name = (code: string) => respondentName(respondents, code);
  return (
    <section className="review-block" aria-labelledby="vergelijkingen">
      <h3 id="vergelijkingen">Vergelijking van de antwoorden</h3>
      {comments.map((comparison) => (
        <div key={comparison.question} className="comparison">
          <h4>{questionTitle(comparison.question)}</h4>
          <ul className="comparison__texts">
            {comparison.texts.map((text) => {
              const far = text.meanSimilarity !== null && text.meanSimilarity < comparison.threshold;
              return (
                <li
                  key={text.respondent}
                  className={`comparison__text${far ? ' comparison__text--far' : ''}`}
                >
                  <strong>{name(text.respondent)}</strong>
                  <p>{text.text}</p>
                  <p className="table__secondary">
                    Gemiddelde overeenkomst:{' '}
                    {text.meanSimilarity === null ? 'geen andere tekst' : formatScore(text.meanSimilarity)}
                    {far && (
                      <>
                        {' '}
                        <span aria-hidden="true">⚠</span> wijkt af
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
          {comparison.pairs.length > 0 && (
            <p className="table__secondary">
              Overeenkomst per paar (drempel {formatScore(comparison.threshold)}):{' '}
              {comparison.pairs.map((p) => `${p.a}–${p.b} ${formatScore(p.similarity)}`).join(' · ')}
            </p>
          )}
        </div>
      ))}
      {checkbox.map((comparison) => (
        <div key={comparison.question} className="comparison">
          <div
            className="table-scroll review-scroll"
            tabIndex={0}
            role="region"
            aria-label={questionTitle(comparison.question)}
          >
            <table className="table comparison__table answers">
              <caption className="table__caption">{questionTitle(comparison.question)}</caption>
              <thead>
                <tr>
                  <th scope="col">Onderdeel</th>
                  {comparison.respondents.map((code) => (
                    <th scope="col" key={code}>
                      <RespondentHeading respondents={respondents} code={code} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.items.map((item) => (
                  <tr key={item.value}>
                    <th scope="row">{item.label}</th>
                    {comparison.respondents.map((code) => (
                      <td key={code}>
                        {item.namedBy.includes(code) ? (
                          <>
                            <span aria-hidden="true">✓ </span>genoemd
                          </>
                        ) : (
                          <span className="muted">
                            <span aria-hidden="true">– </span>niet genoemd
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparison.otherTexts.length > 0 && (
            <ul className="comparison__other">
              {comparison.otherTexts.map((other) => (
                <li key={other.respondent}>
                  <strong>{name(other.respondent)}, anders:</strong> {other.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
