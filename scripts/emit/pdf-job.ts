/** One print: where its document is, and what the PDF is called and dated (pdf.ts and pdf-split.ts). */
export interface PdfJob {
  /** The folder holding the print document and its assets (the build's temporary output). */
  dir: string;
  /** The print document, relative to `dir`. */
  htmlFile: string;
  /** Where to write the PDF, relative to `dir`. */
  pdfFile: string;
  /** `YYYY-MM-DD`: the date stamped into the PDF's metadata. */
  date: string;
}
