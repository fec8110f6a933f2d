import type { Flag, FlagKind } from '../../../../shared/analysis/analysis-result.js';
import { flagKindLabels } from './verdicts.js';

type Props = { flags: Flag[]; questionTitle: (name: string) => string };

/** The analysis' signals in words, grouped by kind. */
export function FlagsList({ flags, questionTitle }: Props) {
  if (flags.length === 0) return <p className="muted">Geen signalen: de antwoorden komen overeen.</p>;
  const kinds = [...new Set(flags.map((f) => f.kind))] as FlagKind[];
  return (
    <div className="flags">
      {kinds.map((kind) => (
        <div key={kind} className={`flags__group flags__group--${kind}`}>
          <h4 className="flags__kind">
            <span aria-hidden="true">{kind === 'ontbreekt' ? '○ ' : '⚠ '}</span>
            {flagKindLabels[kind]}
          </h4>
          <ul className="flags__list">
            {flags
              .filter((f) => f.kind === kind)
              .map((flag, i) => (
                <li key={i}>
                  {flag.message}
                  <span className="table__secondary">
                    {' '}
                    — {questionTitle(flag.question)}
                    {flag.level === 'let_op' && ' (let op)'}
                    {flag.level === 'verbeterpunt' && ' (verbeterpunt)'}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
