import { Link } from 'react-router';
import { IndicatorStatus } from './indicator-status.js';
import type { ReviewItem } from './review-model.js';

type Props = { items: ReviewItem[]; selectedId: string | undefined };

/** Theme → criterion → indicator, each indicator a link that keeps the inspector on this page. */
export function IndicatorTree({ items, selectedId }: Props) {
  const themes = [...new Set(items.map((i) => i.theme))];
  if (items.length === 0) return <p className="muted">Geen indicatoren met dit filter.</p>;
  return (
    <ul className="tree">
      {themes.map((theme) => {
        const inTheme = items.filter((i) => i.theme === theme);
        const criteria = [...new Set(inTheme.map((i) => i.criterion))];
        return (
          <li key={theme.id}>
            <span className="tree__theme">{theme.title}</span>
            <ul>
              {criteria.map((criterion) => (
                <li key={criterion.id}>
                  <span className="tree__criterion">{criterion.title}</span>
                  <ul>
                    {inTheme
                      .filter((i) => i.criterion === criterion)
                      .map((item) => {
                        const current = item.indicator.id === selectedId;
                        return (
                          <li key={item.indicator.id}>
                            <Link
                              to={`?indicator=${encodeURIComponent(item.indicator.id)}`}
                              replace
                              className={`tree__link${current ? ' tree__link--current' : ''}`}
                              aria-current={current ? 'true' : undefined}
                            >
                              <span className="tree__id">{item.indicator.id}</span>
                              <IndicatorStatus item={item} />
                            </Link>
                          </li>
                        );
                      })}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
