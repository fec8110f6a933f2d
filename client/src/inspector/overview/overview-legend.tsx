import { verdictLook, type ShownVerdict } from '../review/verdicts.js';

const shown: ShownVerdict[] = ['voldoet', 'voldoet_let_op', 'verbeterpunt', 'niet_beoordeeld'];

export function OverviewLegend() {
  return (
    <div className="legend">
      <h2 className="legend__title">Legenda</h2>
      <dl className="legend__list">
        {shown.map((verdict) => (
          <div key={verdict}>
            <dt className={`legend__symbol verdict--${verdictLook[verdict].tone}`} aria-hidden="true">
              {verdictLook[verdict].symbol}
            </dt>
            <dd>
              {verdict === 'niet_beoordeeld' ? 'niet beoordeeld of geen oordeel' : verdictLook[verdict].label}
            </dd>
          </div>
        ))}
        <div>
          <dt className="legend__symbol matrix__link--proposal" aria-hidden="true">
            ✓
          </dt>
          <dd>schuin en omlijnd: voorstel van de analyse, nog niet beoordeeld</dd>
        </div>
      </dl>
    </div>
  );
}
