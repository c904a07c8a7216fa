/**
 * Save something as a file: a Blob behind a temporary `<a download>`, the
 * way every browser (and an installed PWA) accepts without a server. The one
 * place for it: the export of unsent changes, the schouw and monitoring exports and a person's inzage bundle use it.
 */
export function downloadFile(doc: Document, content: string | Blob, fileName: string, type: string): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once cancels the download in some browsers (WebKit).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Lowercase ASCII with dashes: "Oranjebuurt (Noord)" → "oranjebuurt-noord", "Ëlsbuurt" → "elsbuurt". */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
