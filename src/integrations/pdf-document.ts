/**
 * What `npm run pdf` does to Chromium's PDF afterwards (pdf-lib): the document metadata Chromium cannot
 * set (author, subject, creation date = the build date) and reading the outline it wrote from the
 * headings, to learn on which page each section starts (for the printed contents).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly language?: string;
}

export interface OutlineEntry {
  readonly title: string;
  /** 1-based page number. */
  readonly page: number;
  readonly depth: number;
}

function text(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

/** The bookmarks of a PDF, in order, with the page each points to. */
export async function readOutline(bytes: Uint8Array): Promise<{ pages: number; outline: OutlineEntry[] }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const outline: OutlineEntry[] = [];
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: unknown, depth: number) => {
    let ref = first;
    while (ref) {
      const item = ref instanceof PDFRef ? pdf.context.lookup(ref, PDFDict) : (ref as PDFDict);
      let dest = item.lookup(PDFName.of('Dest'));
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      if (!dest && action) dest = action.lookup(PDFName.of('D'));
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      const page = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
      if (page) outline.push({ title: text(item.lookup(PDFName.of('Title'))).trim(), page, depth });
      walk(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  if (root) walk(root.get(PDFName.of('First')), 0);
  return { pages: pdf.getPageCount(), outline };
}

/** The PDF with its metadata set; everything else (outline, structure tags, fonts) is kept as Chromium wrote it. */
export async function withMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  pdf.setCreator('Opsbook');
  if (/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    const date = new Date(`${meta.date}T00:00:00Z`);
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  }
  if (meta.language) pdf.setLanguage(meta.language);
  return pdf.save({ useObjectStreams: false });
}
