import type { RespondentSummary } from '../../../../shared/analysis/analysis-result.js';
import type { ReviewItem } from './review-model.js';
import { RespondentHeading } from './respondent-heading.js';
import { flagKindLabels, isDeviation } from './verdicts.js';

type Props = { item: ReviewItem; respondents: RespondentSummary[] };

/** The answers of all respondents next to each other, one row per question of the indicator. */
export function AnswersTable({ item, respondents }: Props) {
  const { analysis, indicator } = item;
  const titled = indicator.questions.filter((q) => analysis.answers[q.name]);
  const untitled = Object.keys(analysis.answers)
    .filter((name) => !indicator.questions.some((q) => q.name === name))
    .map((name) => ({ name, title: name }));
  const questions = [...titled, ...untitled];

  /** The deviation flags that name this respondent on this question. */
  const deviations = (question: string, code: string) =>
    analysis.flags.filter(
      (flag) => flag.question === question && isDeviation(flag.kind) && flag.respondents.includes(code),
    );

  return (
    <div
      className="table-scroll review-scroll"
      tabIndex={0}
      role="region"
      aria-label="Antwoorden naast elkaar"
    >
      <table className="table answers">
        <caption className="visually-hidden">Antwoorden van de gemeente en de netwerkpartners</caption>
        <thead>
          <tr>
            <th scope="col">Vraag</th>
            {respondents.map((r) => (
              <th scope="col" key={r.code}>
                <RespondentHeading respondents={respondents} code={r.code} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {questions.map((question) => (
            <tr key={question.name}>
              <th scope="row" className="answers__question">
                {question.title}
              </th>
              {respondents.map((r) => {
                const cell = analysis.answers[question.name]?.[r.code];
                const flags = deviations(question.name, r.code);
                const differs = flags.length > 0;
                return (
                  <td
                    key={r.code}
                    className={[
                      'answers__cell',
                      differs ? 'answers__cell--differs' : '',
                      cell && cell.state !== 'answered' ? 'answers__cell--missing' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    <span
                      className={`answers__value${cell?.value?.kind === 'jnw' ? ' answers__value--jnw' : ''}`}
                    >
                      {cell?.display ?? '—'}
                    </span>
                    {differs && (
                      <span className="answers__flag">
                        <span aria-hidden="true">⚠ </span>wijkt af
                        <span className="visually-hidden">
                          {' '}
                          ({flags.map((f) => flagKindLabels[f.kind].toLowerCase()).join(', ')})
                        </span>
                      </span>
                    )}
                    {cell?.explanation && (
                      <span className="answers__explanation">
                        <strong>Toelichting:</strong> {cell.explanation}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
