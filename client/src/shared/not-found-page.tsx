import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main className="page" id="main">
      <h1>Pagina niet gevonden</h1>
      <p>Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.</p>
      <p>
        <Link to="/">Naar de startpagina</Link>
      </p>
    </main>
  );
}
