import { Fragment } from 'react';

/**
 * An e-mail address that may wrap only after "@" and before a "." ("ggz@<wbr>voorbeeldregio<wbr>.example"),
 * never inside a word: a column narrowed by the table must not cut "exam ple" in two.
 */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?<=@)|(?=\.)/);
  return (
    <span className="email-address">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
