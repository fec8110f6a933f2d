import { Link } from 'react-router';
import { PageHeading } from './page-heading.js';

export function InspectorNotFound() {
  return (
    <>
      <PageHeading title="Pagina niet gevonden" />
      <p>Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de onderzoeken.</p>
      <p>
        <Link to="/inspectie">Naar de onderzoeken</Link>
      </p>
    </>
  );
}
