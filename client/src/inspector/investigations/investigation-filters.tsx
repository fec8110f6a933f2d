import { useEffect, useState } from 'react';
import { Field } from '../../shared/components/field.js';
import { SelectField } from '../../shared/components/select-field.js';

type FilterName = 'jaar' | 'status' | 'zoek';

type Props = {
  year: string;
  status: string;
  query: string;
  onChange: (name: FilterName, value: string) => void;
};

/** The STJ started the GGSR investigations in 2013; next year is offered for planning ahead. */
function yearOptions(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2013 + 1 }, (_, i) => last - i);
}

export function InvestigationFiltersForm({ year, status, query, onChange }: Props) {
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  // Searching waits for a pause in typing, so every keystroke does not start a request.
  useEffect(() => {
    if (text === query) return;
    const timer = window.setTimeout(() => onChange('zoek', text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text, query, onChange]);

  return (
    <form
      className="filters"
      role="search"
      aria-label="Onderzoeken filteren"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField label="Jaar" value={year} onChange={(event) => onChange('jaar', event.target.value)}>
        <option value="">Alle jaren</option>
        {yearOptions().map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={status} onChange={(event) => onChange('status', event.target.value)}>
        <option value="">Alle</option>
        <option value="open">Lopend</option>
        <option value="closed">Afgesloten</option>
      </SelectField>
      <Field
        className="filters__search"
        label="Zoeken"
        type="search"
        placeholder="Gemeente of aanpak"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
