/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A plain, email-client-safe HTML document: paragraphs, an optional button link, a footer. */
export function htmlDocument(input: {
  paragraphs: string[];
  link?: { href: string; label: string };
  footer: string;
}): string {
  // A paragraph's line breaks (a signature: name, organisation, e-mail) stay line breaks in HTML.
  const paragraphs = input.paragraphs
    .map((p) => `<p>${escapeHtml(p).split('\n').join('<br>')}</p>`)
    .join('\n');
  const link = input.link
    ? `<p><a href="${escapeHtml(input.link.href)}" style="background:#154273;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px;display:inline-block">${escapeHtml(input.link.label)}</a></p>
<p style="font-size:13px;color:#444">Werkt de knop niet? Kopieer dan deze link in uw browser:<br>${escapeHtml(input.link.href)}</p>`
    : '';
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>STJ</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px">
${paragraphs}
${link}
<p style="font-size:13px;color:#444">${escapeHtml(input.footer)}</p>
</body></html>`;
}
