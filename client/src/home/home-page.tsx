import { useEffect } from 'react';
import { Link } from 'react-router';

export function HomePage() {
  useEffect(() => {
    document.title = 'Vragenlijsten GGSR — Samenwerkend Toezicht Jeugd';
  }, []);
  return (
    <main className="page" id="main">
      <h1>Vragenlijsten gezinnen met geringe sociale redzaamheid</h1>
      <p>
        Samenwerkend Toezicht Jeugd onderzoekt hoe gemeenten en hun netwerkpartners de zorg en ondersteuning
        voor gezinnen met geringe sociale redzaamheid (GGSR) hebben georganiseerd.
      </p>
      <p>
        Heeft u een persoonlijke link ontvangen? Open dan die link om de vragenlijst in te vullen. Uw
        antwoorden worden tussentijds bewaard, zodat u later verder kunt gaan.
      </p>
      <h2>Voor inspecteurs</h2>
      <p>
        <Link to="/inspectie">Inloggen in de inspectieomgeving</Link>
      </p>
    </main>
  );
}
